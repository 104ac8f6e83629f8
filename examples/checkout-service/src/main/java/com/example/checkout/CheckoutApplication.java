package com.example.checkout;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The service itself, kept small: the example is about its monitoring. */
public final class CheckoutApplication {

  private CheckoutApplication() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
    server.createContext("/api/checkout", exchange -> {
      byte[] body = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(202, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}
