package dev.sredsl.maven;

import dev.sredsl.pipeline.GitHubActions;
import dev.sredsl.pipeline.VerifyGoal;
import dev.sredsl.pipeline.VerifyOutcome;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.SettingException;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.verify.Credentials;
import dev.sredsl.verify.HttpPrometheusApi;
import dev.sredsl.verify.PrometheusApiException;
import dev.sredsl.verify.Verification;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Checks the generated monitoring against a live Prometheus and backtests every alert on its history:
 * selectors that match nothing, ranges shorter than four scrape intervals, how often each alert would
 * have fired in the window, pages and tickets per team per week, the budget each SLO spent. Writes
 * {@code verify/sre-verify.json} and {@code .md}; fails on a paging alert that could not have fired and
 * on the page and ticket limits. Not bound to a phase: run it in CI with
 * {@code mvn compile sre:verify -Dsre.prometheusUrl=https://prometheus.example.com}.
 */
@Mojo(name = "verify", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class VerifyMojo extends AbstractSreMojo {

  /** The server's base URL: Prometheus, Thanos Query, or Mimir's Prometheus path. */
  @Parameter(property = "sre.prometheusUrl")
  private String prometheusUrl;

  /**
   * The {@code <server>} of Maven's {@code settings.xml} holding the credentials: with a username,
   * basic auth; with a password only, a bearer token. Encrypted passwords are decrypted as Maven does.
   */
  @Parameter(property = "sre.prometheusServerId")
  private String prometheusServerId;

  /** An environment variable holding a bearer token, e.g. {@code PROMETHEUS_TOKEN}. */
  @Parameter(property = "sre.prometheusTokenEnv")
  private String prometheusTokenEnv;

  /** An environment variable holding {@code user:password} for basic auth. */
  @Parameter(property = "sre.prometheusBasicAuthEnv")
  private String prometheusBasicAuthEnv;

  /** How long one request may take before it is retried, e.g. {@code 30s}. */
  @Parameter(property = "sre.prometheusTimeout", defaultValue = "30s")
  private String prometheusTimeout;

  /** How many queries may be in flight at once. */
  @Parameter(property = "sre.prometheusMaxConcurrentQueries", defaultValue = "4")
  private int prometheusMaxConcurrentQueries;

  /** How far back the backtest replays every alert; limited by the server's retention. */
  @Parameter(property = "sre.backtestWindow", defaultValue = "7d")
  private String backtestWindow;

  /** The end of the backtest window as an ISO instant, e.g. {@code 2026-11-20T00:00:00Z}; default now. */
  @Parameter(property = "sre.backtestEnd")
  private String backtestEnd;

  /** The rule evaluation interval the backtest replays. */
  @Parameter(property = "sre.evaluationInterval", defaultValue = "1m")
  private String evaluationInterval;

  /** How far back series checks look for a metric that matches nothing now. */
  @Parameter(property = "sre.lookback", defaultValue = "7d")
  private String lookback;

  /** A folder of another build's rule files (e.g. main's {@code target/sre/prometheus}) to compare with. */
  @Parameter(property = "sre.baselineRules")
  private File baselineRules;

  /** The most pages (critical alerts fired) a team may get per week in the backtest. */
  @Parameter(property = "sre.maxPagesPerWeek")
  private Double maxPagesPerWeek;

  /** The most tickets (warnings fired) a team may get per week in the backtest. */
  @Parameter(property = "sre.maxTicketsPerWeek")
  private Double maxTicketsPerWeek;

  /** Fail the build when a verify check is not met; otherwise only warn. */
  @Parameter(property = "sre.haltOnFailure", defaultValue = "true")
  private boolean haltOnFailure;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  @Component
  private SettingsDecrypter decrypter;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!shouldRun("verify")) {
      return;
    }
    if (prometheusUrl == null || prometheusUrl.isBlank()) {
      throw new MojoFailureException("sre:verify needs the server to ask: set sre.prometheusUrl, e.g."
          + " -Dsre.prometheusUrl=http://localhost:9090");
    }
    VerifyOutcome outcome;
    try {
      HttpPrometheusApi api = new HttpPrometheusApi(url(), credentials(), duration(prometheusTimeout,
          "sre.prometheusTimeout"), prometheusMaxConcurrentQueries, HttpPrometheusApi.DEFAULT_RETRIES);
      Verification.Settings run = new Verification.Settings(end(), duration(backtestWindow, "sre.backtestWindow"),
          duration(evaluationInterval, "sre.evaluationInterval"), duration(lookback, "sre.lookback"), maxPagesPerWeek,
          maxTicketsPerWeek, prometheusMaxConcurrentQueries);
      outcome = new VerifyGoal().run(definitions(project, List.of(), specsDirectory), validationSettings(), api, run,
          baselineRules == null ? null : baselineRules.toPath(), outputDirectory.toPath(), getLog()::info);
      GitHubActions.publish("SRE verify", outcome.markdown(), outcome.violations(), outcome.warnings(), System.getenv(),
          System.out);
    } catch (SettingException wrong) {
      throw MojoFailures.setting(wrong);
    } catch (PrometheusApiException unusable) {
      throw new MojoFailureException(unusable.getMessage());
    } catch (DefinitionException invalid) {
      throw MojoFailures.definitions(getLog(), invalid);
    } catch (UncheckedIOException e) {
      throw MojoFailures.io(e);
    }
    outcome.messages().forEach(getLog()::info);
    outcome.warnings().forEach(getLog()::warn);
    outcome.violations().forEach(getLog()::warn);
    if (!outcome.passed() && haltOnFailure) {
      throw new MojoFailureException("Verify checks have not been met. See log for details.");
    }
  }

  private URI url() {
    try {
      URI uri = URI.create(prometheusUrl.strip());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      if (uri.getUserInfo() != null) {
        throw new SettingException("sre.prometheusUrl must not hold credentials; put them in a <server> of"
            + " settings.xml named by sre.prometheusServerId, or in the variable named by sre.prometheusBasicAuthEnv");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new SettingException("sre.prometheusUrl is not an http(s) URL; write e.g. http://localhost:9090");
    }
  }

  /** From settings.xml, else from the environment; never logged. */
  private Credentials credentials() {
    if (prometheusServerId != null && !prometheusServerId.isBlank()) {
      Server server = settings == null ? null : settings.getServer(prometheusServerId);
      if (server == null) {
        throw new SettingException("sre.prometheusServerId '" + prometheusServerId + "' names no <server> in"
            + " settings.xml; add <server><id>" + prometheusServerId + "</id><username>...</username><password>..."
            + "</password></server>");
      }
      SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : decrypted.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new SettingException("the password of <server> '" + prometheusServerId + "' cannot be decrypted;"
              + " check settings-security.xml");
        }
      }
      Server clear = decrypted.getServer();
      String password = clear.getPassword() == null ? "" : clear.getPassword();
      return clear.getUsername() != null && !clear.getUsername().isBlank()
          ? Credentials.basic(clear.getUsername(), password) : Credentials.bearer(password);
    }
    if (prometheusTokenEnv != null && !prometheusTokenEnv.isBlank()) {
      return Credentials.bearer(variable(prometheusTokenEnv, "sre.prometheusTokenEnv"));
    }
    if (prometheusBasicAuthEnv != null && !prometheusBasicAuthEnv.isBlank()) {
      String value = variable(prometheusBasicAuthEnv, "sre.prometheusBasicAuthEnv");
      int colon = value.indexOf(':');
      if (colon <= 0) {
        throw new SettingException("the variable " + prometheusBasicAuthEnv + " must hold user:password");
      }
      return Credentials.basic(value.substring(0, colon), value.substring(colon + 1));
    }
    return Credentials.none();
  }

  private static String variable(String name, String setting) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new SettingException(setting + " names the environment variable " + name + ", which is not set");
    }
    return value;
  }

  private Instant end() {
    if (backtestEnd == null || backtestEnd.isBlank()) {
      return Instant.now();
    }
    try {
      return Instant.parse(backtestEnd.strip());
    } catch (DateTimeParseException e) {
      throw new SettingException("sre.backtestEnd '" + backtestEnd + "' is not an instant; write e.g."
          + " 2026-11-20T00:00:00Z");
    }
  }

  private static Duration duration(String text, String setting) {
    try {
      return PromDuration.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new SettingException(setting + " '" + text + "' is not a duration; write e.g. 30s, 1m or 7d");
    }
  }
}
