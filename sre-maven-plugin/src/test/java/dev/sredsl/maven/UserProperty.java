package dev.sredsl.maven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A user property of the test's Maven session, as {@code -Dname=value} on the command line: tests the
 * {@code property} a mojo parameter is read from, where {@code @MojoParameter} would set the
 * parameter itself. Applied by {@link MojoTestSupport} before the mojo is configured.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(UserProperty.List.class)
public @interface UserProperty {

  String name();

  String value();

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface List {
    UserProperty[] value();
  }
}
