// Run by the sre-maven-plugin build (maven-invoker-plugin) after the expected failure of this example.
def log = new File(basedir, 'build.log').text

def expected = [
  "definitions class com.example.broken.ThrowingMonitoring failed in define(): java.lang.NullPointerException: Cannot invoke \"String.toLowerCase(java.util.Locale)\" because \"this.environment\" is null (at com.example.broken.ThrowingMonitoring.define, ThrowingMonitoring.java:17)",
  "service 'Checkout_API': service name 'Checkout_API' is not valid: use 1 to 63 lower-case letters, digits and dashes, starting with a letter and not ending with a dash, e.g. 'checkout'",
  "service 'orders', alert 'slow-orders': '5x' is not a Prometheus duration; write a number and a unit (ms, s, m, h, d, w, y), e.g. 5m or 1h30m",
  "service 'orders', slo 'availability': objective must be between 0 and 100 percent, both excluded, e.g. 99.9, was 100.0",
  "service 'orders', slo 'latency': objective is missing or not a number; give it in percent, e.g. Slo.availability(99.9) or .percent(99.0)",
  "service 'orders', slo 'latency': period must be a whole number of days, e.g. Duration.ofDays(28), was 1d12h",
  "service 'orders': alert 'HighErrors' is declared more than once; names must be unique, so rename or remove one",
  "service 'orders', alert 'HighErrors': error ratio threshold must be between 0 and 1, both excluded (0.05 means 5%), was 5.0",
  "service 'orders', alert 'HighErrors': 'for' must be positive, was 0s; give a wait such as .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's slow-burn alert",
  "service 'orders', alert 'HighErrors', runbook: risky step 'Restart the database.' does not state its risk; write Step.risky(action, risk)",
  "service 'orders', alert 'HighErrors': condition refers to signal 'jvm-heap', which the service does not declare; declare it with .saturation(...), .signal(...) or a dependency's .via(...), or use a declared one (none)",
]
def errors = log.readLines().findAll { it.startsWith('[ERROR] ') }.collect { it.substring(8) }
def problems = errors.takeWhile { !it.startsWith('Failed to execute goal') }
assert problems == expected : "problem lines differ:\n" + problems.join('\n')
assert errors.any { it.contains('The SRE definitions have 11 problems; see the lines above') }

// A user's mistake is a build failure with readable lines, never a stack trace.
assert !log.readLines().any { it ==~ /\s+at [\w$.]+\(.*\)/ } : 'a stack trace reached the build log'
assert !log.contains('Caused by:')
assert !new File(basedir, 'target/sre').exists() : 'a failed run must not write any output'
return true
