package com.example.shop;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Tier;

/** A valid definition: the problem of this example is its template. */
public final class ShopMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("shop", s -> s.tier(Tier.LOW).owner(o -> o.team("web")));
  }
}
