package dev.sredsl.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.doxia.siterenderer.Renderer;
import org.apache.maven.doxia.tools.SiteTool;
import org.junit.jupiter.api.Test;

/**
 * sre:report, the coverage page of {@code mvn site}: only whether it offers itself. Rendering the page
 * needs what maven-site-plugin sets up; the page itself is checked by {@code examples/checkout-service}.
 */
@MojoTest
class ReportMojoTest extends MojoTestSupport {

  /**
   * The report's site components, which these tests never call: the real SiteTool needs a repository
   * system the harness's container cannot build.
   */
  @Provides
  SiteTool siteTool() {
    return unused(SiteTool.class);
  }

  @Provides
  Renderer siteRenderer() {
    return unused(Renderer.class);
  }

  @Test
  @InjectMojo(goal = "report")
  void aProjectOfPackagingPomGetsNoReport(ReportMojo mojo) {
    project.setPackaging("pom");

    assertFalse(mojo.canGenerateReport(), "a pom project has no classes to read definitions from");
  }

  @Test
  @InjectMojo(goal = "report")
  void aJarProjectGetsTheReport(ReportMojo mojo) {
    assertTrue(mojo.canGenerateReport());
  }

  private static <T> T unused(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
        switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "unused " + type.getSimpleName();
          default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
              + " is not part of the test");
        }));
  }
}
