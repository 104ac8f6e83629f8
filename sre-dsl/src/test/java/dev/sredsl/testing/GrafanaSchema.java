package dev.sredsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against Grafana's published JSON schemas (draft-07), kept outside the project in
 * {@code shared/grafana-schema/} next to an ancestor of the working directory (e.g.
 * {@code /work/shared/grafana-schema} for a project in {@code /work/main}), or in the folder the system
 * property {@value #DIR_PROPERTY} names. Its README says what each schema is. When the folder is missing,
 * a test using this fails in CI ({@code CI=true}) and is skipped elsewhere.
 */
public final class GrafanaSchema {

  public static final String DIR_PROPERTY = "sredsl.grafanaSchemaDir";

  /** The dashboard model with two wrongly strict properties loosened; see the README. */
  public static final String DASHBOARD = "dashboard.relaxed-any.jsonschema.json";

  /** A Prometheus panel target. */
  public static final String PROMETHEUS_TARGET = "prometheus.jsonschema.json";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private GrafanaSchema() {}

  /** The problems of {@code json} against the schema file {@code schemaFile}, sorted; empty when valid. */
  public static List<String> validate(JsonNode json, String schemaFile) {
    return validate(json, schemaFile, null);
  }

  /**
   * The problems of {@code json} against one definition of a schema file, e.g. {@code
   * validate(panel.path("options"), "stat.jsonschema.json", "Options")}: the panel-type schemas have no
   * root schema, only definitions.
   */
  public static List<String> validate(JsonNode json, String schemaFile, String definition) {
    String location = dir().resolve(schemaFile).toUri() + (definition == null ? "" : "#/definitions/" + definition);
    JsonSchema schema = SCHEMAS.computeIfAbsent(location, l -> FACTORY.getSchema(SchemaLocation.of(l)));
    return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** The problems of a panel target against the Prometheus data-query schema, sorted. */
  public static List<String> validateTarget(JsonNode target) {
    return validate(target, PROMETHEUS_TARGET);
  }

  /** The schema folder; fails in CI and skips elsewhere when it cannot be found. */
  public static Path dir() {
    return SharedTestData.folder("grafana-schema", DIR_PROPERTY, "Grafana JSON schemas");
  }
}
