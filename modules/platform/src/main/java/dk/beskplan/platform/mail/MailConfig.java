package dk.beskplan.platform.mail;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Where mail goes (an SMTP relay; Mailpit in Docker Compose, GreenMail in tests) and how often to retry. */
@ConfigurationProperties("beskplan.mail")
public class MailConfig {
    private boolean enabled = true;
    private String host = "localhost";
    private int port = 1025;
    private String from = "Beskplan <beskplan@localhost>";
    /** The address users open the application at, for links in mail. */
    private String baseUrl = "http://localhost:8080";
    /** How often the sender looks for mail the wake-up after commit did not send. */
    private Duration sweepInterval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public Duration getSweepInterval() { return sweepInterval; }
    public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
