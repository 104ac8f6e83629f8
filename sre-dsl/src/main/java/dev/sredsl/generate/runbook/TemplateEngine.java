package dev.sredsl.generate.runbook;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the Markdown templates in a sandbox: a template reads the data model it is given (maps,
 * lists, strings, numbers, booleans) and nothing else. It cannot instantiate classes ({@code ?new}
 * resolves nothing), call Java methods ({@code ?api} is off and no object is exposed as a bean), reach
 * static models, or load files outside the template folders. Templates in the team's folder replace
 * the defaults of the same name; the others come from the library's classpath.
 */
public final class TemplateEngine {

  /** Where the default templates live on the classpath (module templates/). */
  static final String DEFAULTS = "/dev/sredsl/templates/";

  private final Configuration configuration;

  /** @param overrides the team's template folder, or {@code null} for the defaults only */
  public TemplateEngine(File overrides) {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(loader(overrides));
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    configuration.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
    configuration.setOutputFormat(MarkdownOutputFormat.INSTANCE);
    configuration.setRecognizeStandardFileExtensions(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
  }

  private static TemplateLoader loader(File overrides) {
    TemplateLoader defaults = new ClassTemplateLoader(TemplateEngine.class, DEFAULTS);
    if (overrides == null) {
      return defaults;
    }
    try {
      // FileTemplateLoader refuses names that resolve outside its folder.
      return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrides), defaults});
    } catch (IOException e) {
      throw new DefinitionException(List.of(Problem.of(null, "templates directory " + overrides,
          "cannot be read: " + e.getMessage() + "; point sre.templatesDirectory at a readable folder")));
    }
  }

  /**
   * @throws DefinitionException naming the template, line and column when it does not parse, breaks
   *     the sandbox or fails
   */
  public String render(String templateName, Map<String, Object> model, String service) {
    Template template;
    try {
      template = configuration.getTemplate(templateName);
    } catch (ParseException e) {
      throw problem(service, e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + templateName, e);
    }
    StringWriter out = new StringWriter();
    try {
      template.process(model, out);
    } catch (TemplateException e) {
      Integer line = e.getLineNumber();
      Integer column = e.getColumnNumber();
      throw problem(service, e.getTemplateSourceName() != null ? e.getTemplateSourceName() : templateName,
          line == null ? 0 : line, column == null ? 0 : column, explain(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * FreeMarker's messages span several lines and give advice meant for whoever configures FreeMarker;
   * a template author needs one line about the template.
   */
  private static String explain(TemplateException e) {
    if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
      return "'" + e.getBlamedExpressionString() + "' is missing or null; use a value of the data model (listed in"
          + " the README), or give a default, e.g. ${" + e.getBlamedExpressionString() + "!\"\"}";
    }
    String message = e.getMessageWithoutStackTop();
    if (message != null && message.contains("api_builtin_enabled")) {
      return "?api is not available to runbook templates; use the values of the data model (listed in the README)";
    }
    if (message != null && message.contains("for security reasons")) {
      return message.strip().lines().findFirst().orElse("") + " Templates can only format the data model (listed in"
          + " the README).";
    }
    return message;
  }

  private static DefinitionException problem(String service, String template, int line, int column, String message) {
    String firstLine = message == null ? "error" : message.strip().lines().findFirst().orElse("error");
    return new DefinitionException(List.of(Problem.of(service, "template " + Problem.quoteName(String.valueOf(template)),
        "line " + line + ", column " + column + ": " + firstLine)));
  }
}
