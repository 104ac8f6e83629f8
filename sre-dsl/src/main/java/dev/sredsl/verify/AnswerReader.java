package dev.sredsl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an answer of the API: the {@code data} of Prometheus' {@code {"status":"success","data":...}}
 * envelope, or the one-line failure that the status and body make: credentials refused, a redirect,
 * not a Prometheus at all (HTML, other JSON, 404), or a request Prometheus rejected with its own error.
 */
final class AnswerReader {

  /** Thread-safe once configured; it is never reconfigured. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiMessages messages;

  AnswerReader(ApiMessages messages) {
    this.messages = messages;
  }

  /**
   * The {@code data} of a successful answer.
   *
   * @throws PrometheusApiException for any other answer
   */
  JsonNode data(ApiCall call, RetryingTransport.Answer answer) {
    int status = answer.status();
    if (status >= 200 && status <= 299) {
      JsonNode json = parse(answer.body());
      if (json == null || !json.isObject()) {
        throw messages.notPrometheus(json == null ? got(answer) : "JSON that is not an object", call);
      }
      JsonNode outcome = json.get("status");
      if (outcome == null || !outcome.isTextual()) {
        throw messages.notPrometheus("JSON without Prometheus' status field", call);
      }
      if (!outcome.asText().equals("success")) {
        String fallback = "status " + ApiMessages.serverText(outcome.asText());
        throw messages.rejected(call, prometheusError(json).orElse(fallback));
      }
      JsonNode data = json.get("data");
      if (data == null || data.isNull()) {
        throw messages.unexpected(call, "success without data");
      }
      return data;
    }
    if (status >= 300 && status <= 399) {
      throw messages.redirected(status, call, answer.location());
    }
    if (status == 401 || status == 403) {
      throw messages.refusedCredentials(status);
    }
    Optional<String> error = prometheusError(parse(answer.body()));
    if (error.isPresent()) {
      // Prometheus answers 400 for bad parameters and queries that do not parse, 422 for queries that cannot run.
      if (status == 400 || status == 422) {
        throw messages.rejected(call, error.get());
      }
      throw messages.failed(status, 1, call, error.get());
    }
    String type = mediaType(answer.contentType());
    throw messages.notPrometheus("HTTP " + status + (type.isEmpty() ? "" : " with " + type), call);
  }

  /** The body as JSON, or {@code null} when it is not JSON. */
  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * Prometheus' own error in an answer, {@code errorType: error} on one short line, when the answer is
   * Prometheus' error envelope.
   */
  static Optional<String> prometheusError(JsonNode json) {
    if (json == null || !json.isObject() || !"error".equals(json.path("status").asText(null))) {
      return Optional.empty();
    }
    String type = json.path("errorType").asText("");
    String error = json.path("error").asText("");
    String text = type.isEmpty() ? error : error.isEmpty() ? type : type + ": " + error;
    return Optional.of(ApiMessages.serverText(text.isEmpty() ? "no error text" : text));
  }

  /** What a body that is not JSON was, by its content type. */
  private static String got(RetryingTransport.Answer answer) {
    String type = mediaType(answer.contentType());
    if (type.isEmpty()) {
      return answer.body().length == 0 ? "an empty answer" : "an answer without a content type";
    }
    return type.contains("json") ? "malformed JSON (" + type + ")" : type;
  }

  /** {@code text/html} of {@code text/html; charset=utf-8}. */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return ApiMessages.serverText(type.toLowerCase(Locale.ROOT));
  }
}
