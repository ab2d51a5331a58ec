package dk.beskplan.administration.application;

import dk.beskplan.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogosTest {
    private static byte[] svg(String body) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">" + body
                + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pngAndDrawingSvgAreAccepted() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(Logos.check(png).mediaType()).isEqualTo("image/png");
        assertThat(Logos.check(svg("<defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"5\" height=\"5\"/>"
                + "<use xlink:href=\"#g\"/><style>rect { fill: #004b87 }</style>")).mediaType()).isEqualTo("image/svg+xml");
    }

    @Test
    void svgThatCouldDoAnythingButDrawIsRefusedByName() {
        refused(svg("<script>alert(1)</script>"), "<script>");
        refused(svg("<rect onclick=\"alert(1)\" width=\"5\" height=\"5\"/>"), "onclick");
        refused(svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"), "foreignObject");
        refused(svg("<image href=\"https://evil.example/x.png\"/>"), "uden for filen");
        refused(svg("<use xlink:href=\"other.svg#a\"/>"), "uden for filen");
        refused(svg("<rect style=\"fill: url(https://evil.example/a)\"/>"), "uden for filen");
        refused(svg("<style>@import url(https://evil.example/a.css);</style>"), "<style>");
        refused(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")
                .getBytes(StandardCharsets.UTF_8), "DOCTYPE");
        refused("GIF89a....".getBytes(StandardCharsets.UTF_8), "PNG- eller SVG");
        refused(new byte[Logos.MAX_BYTES + 1], "højst");
    }

    private static void refused(byte[] content, String why) {
        assertThatThrownBy(() -> Logos.check(content)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("logo"))
                        .satisfies(f -> assertThat(f.message()).contains(why)));
    }
}
