package com.example.broken;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;

/** Definitions whose own code fails: reported with the class name, not a stack trace. */
public final class ThrowingMonitoring implements SreDefinitions {

  private final String environment;

  public ThrowingMonitoring() {
    this.environment = System.getProperty("no.such.property");
  }

  @Override
  public void define(SreRegistry sre) {
    sre.service(environment.toLowerCase(java.util.Locale.ROOT), s -> { });
  }
}
