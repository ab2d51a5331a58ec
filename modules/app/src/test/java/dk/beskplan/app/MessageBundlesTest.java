package dk.beskplan.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All modules' message bundles form one message source, so a key defined in two bundles is answered from whichever
 * is found first: the drafting page's error summary once read the archive's wording. Each key lives in one bundle
 * (texts every module shares live in platform's).
 */
class MessageBundlesTest {

    @Test
    void noKeyIsDefinedInTwoModulesBundles() throws IOException {
        Path modules = Path.of("..").toAbsolutePath().normalize();
        Map<String, List<String>> bundlesByKey = new TreeMap<>();
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(modules, 6)) {
            bundles = files.filter(p -> p.toString().contains("src/main/resources/i18n/") && p.toString().endsWith(".properties")).toList();
        }
        assertThat(bundles).as("the bundles of platform and the modules").hasSizeGreaterThanOrEqualTo(6);
        for (Path bundle : bundles) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                bundlesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(modules.relativize(bundle).toString());
            }
        }
        assertThat(bundlesByKey).allSatisfy((key, where) -> assertThat(where).as(key).hasSize(1));
    }
}
