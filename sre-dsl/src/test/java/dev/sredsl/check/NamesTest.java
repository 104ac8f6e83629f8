package dev.sredsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  private static final String ID_RULE = " is not valid: use 1 to 63 lower-case letters, digits and dashes,"
      + " starting with a letter and not ending with a dash, e.g. 'checkout'";
  private static final String ALERT_RULE = " is not valid: use CamelCase ASCII letters and digits, starting"
      + " with an upper-case letter, at most 100 characters, e.g. 'CheckoutHighErrorRate'";

  @ParameterizedTest
  @ValueSource(strings = {"checkout", "a", "orders-db", "check--out", "api2", "con-service", "console"})
  void acceptsDnsLabelLikeIds(String name) {
    assertNull(Names.idProblem("service name", name, "checkout"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void reportsAMissingId(String name) {
    assertEquals("service name is missing; name it like 'checkout'",
        Names.idProblem("service name", name, "checkout"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Checkout", "café", "../x", "a/b", "1checkout", "checkout-", "-checkout", "check_out",
      "check.out", " checkout"})
  void rejectsIdsThatCannotNameAFile(String name) {
    assertEquals("service name '" + name + "'" + ID_RULE, Names.idProblem("service name", name, "checkout"));
  }

  @Test
  void acceptsAnIdOf63CharactersAndRejectsOneOf64() {
    String longest = "a".repeat(63);
    String tooLong = "a".repeat(64);

    assertNull(Names.idProblem("service name", longest, "checkout"));
    assertEquals("service name '" + tooLong + "'" + ID_RULE, Names.idProblem("service name", tooLong, "checkout"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"})
  void rejectsDeviceNamesReservedByWindows(String name) {
    assertEquals("service name '" + name + "' is a device name reserved by Windows and cannot name a file;"
        + " choose another, e.g. '" + name + "-service'", Names.idProblem("service name", name, "checkout"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CheckoutHighErrorRate", "X", "Http5xxRatio", "ABC"})
  void acceptsCamelCaseAlertNames(String name) {
    assertNull(Names.alertProblem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"highErrors", "High-Errors", "High_Errors", "High Errors", "1HighErrors", "HöheFehler"})
  void rejectsAlertNamesThatAreNotCamelCaseAscii(String name) {
    assertEquals("alert name '" + name + "'" + ALERT_RULE, Names.alertProblem(name));
  }

  @Test
  void acceptsAnAlertNameOf100CharactersAndRejectsOneOf101() {
    String longest = "A".repeat(100);
    String tooLong = "A".repeat(101);

    assertNull(Names.alertProblem(longest));
    assertEquals("alert name '" + tooLong + "'" + ALERT_RULE, Names.alertProblem(tooLong));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void reportsAMissingAlertName(String name) {
    assertEquals("alert name is missing; name it in CamelCase, e.g. 'CheckoutHighErrorRate'",
        Names.alertProblem(name));
  }
}
