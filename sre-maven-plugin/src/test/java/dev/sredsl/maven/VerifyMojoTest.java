package dev.sredsl.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sredsl.maven.fixtures.CompleteMonitoring;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;

/**
 * sre:verify's settings as a user gives them: the server's URL, credentials from a {@code <server>} of
 * settings.xml (never from the POM or the URL), durations; each mistake is one line and the goal talks
 * to no server then. The run itself is tested against a real Prometheus in the library.
 */
@MojoTest
class VerifyMojoTest extends MojoTestSupport {

  private static final String PASSWORD = "settings-xml-secret-42";

  @Test
  @InjectMojo(goal = "verify")
  void withoutAServerItSaysWhichSettingToGive(VerifyMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("sre:verify needs the server to ask: set sre.prometheusUrl, e.g."
        + " -Dsre.prometheusUrl=http://localhost:9090", failure.getMessage());
  }

  @Test
  @UserProperty(name = "sre.prometheusUrl", value = "http://alice:" + PASSWORD + "@127.0.0.1:9/")
  @InjectMojo(goal = "verify")
  void credentialsInTheUrlAreRefusedWithoutBeingRepeated(VerifyMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(failure.getMessage().startsWith("sre.prometheusUrl must not hold credentials"), failure.getMessage());
    assertFalse(failure.getMessage().contains(PASSWORD));
  }

  @Test
  @UserProperty(name = "sre.prometheusUrl", value = "http://127.0.0.1:9")
  @UserProperty(name = "sre.prometheusServerId", value = "prometheus-prod")
  @InjectMojo(goal = "verify")
  void aServerIdThatNamesNoServerSaysWhatToAdd(VerifyMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(failure.getMessage().startsWith("sre.prometheusServerId 'prometheus-prod' names no <server> in"
        + " settings.xml"), failure.getMessage());
  }

  @Test
  @UserProperty(name = "sre.prometheusUrl", value = "http://127.0.0.1:9")
  @UserProperty(name = "sre.backtestWindow", value = "7x")
  @InjectMojo(goal = "verify")
  void aWindowThatIsNoDurationIsOneLine(VerifyMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("sre.backtestWindow '7x' is not a duration; write e.g. 30s, 1m or 7d", failure.getMessage());
  }

  @Test
  @UserProperty(name = "sre.prometheusServerId", value = "prometheus-prod")
  @InjectMojo(goal = "verify")
  void theSettingsServersCredentialsAreSentAndNeverShown(VerifyMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);
    Server server = new Server();
    server.setId("prometheus-prod");
    server.setUsername("alice");
    server.setPassword(PASSWORD);
    // The harness's session has no settings; Maven hands the mojo its settings.xml as ${settings}.
    org.apache.maven.settings.Settings settings = new org.apache.maven.settings.Settings();
    settings.addServer(server);
    setVariableValueToObject(mojo, "settings", settings);
    List<String> authorizations = new ArrayList<>();
    HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext("/", exchange -> {
      synchronized (authorizations) {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      }
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    refusing.start();
    try {
      setVariableValueToObject(mojo, "prometheusUrl", "http://127.0.0.1:" + refusing.getAddress().getPort());

      MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

      assertTrue(failure.getMessage().contains("refused the credentials (HTTP 401)"), failure.getMessage());
      String expected = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
      assertFalse(authorizations.isEmpty());
      assertTrue(authorizations.stream().allMatch(expected::equals), authorizations.toString());
      assertFalse(failure.getMessage().contains(PASSWORD));
      assertFalse(log.all().contains(PASSWORD), log.all());
      assertFalse(Files.exists(file("target/sre/verify")), "a failed run writes no report");
    } finally {
      refusing.stop(0);
    }
  }

  private static void setVariableValueToObject(Object mojo, String field, Object value) throws Exception {
    java.lang.reflect.Field f = mojo.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(mojo, value);
  }
}
