package dev.sredsl.diff;

import dev.sredsl.diff.routing.AlertmanagerConfigException;
import dev.sredsl.diff.routing.AlertmanagerRoutes;
import dev.sredsl.problem.SettingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@link Routing} by a build's generated {@code alertmanager/routes.yml}, with Alertmanager's semantics. */
final class AlertmanagerRouting {

  static final String ROUTES = "alertmanager/routes.yml";

  private AlertmanagerRouting() {}

  static Routing of(OutputTree tree, String setting) {
    Optional<byte[]> routes = tree.file(ROUTES);
    if (routes.isEmpty()) {
      return labels -> List.of();
    }
    AlertmanagerRoutes parsed;
    try {
      parsed = AlertmanagerRoutes.parse(new String(routes.get(), StandardCharsets.UTF_8), tree.label() + "/" + ROUTES);
    } catch (AlertmanagerConfigException e) {
      throw new SettingException(setting + ": " + e.getMessage());
    }
    return parsed::deliveries;
  }
}
