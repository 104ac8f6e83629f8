// Run by the sre-maven-plugin build (maven-invoker-plugin) after the expected failure of this example.
def log = new File(basedir, 'build.log').text

def errors = log.readLines().findAll { it.startsWith('[ERROR] ') }.collect { it.substring(8) }
def problems = errors.takeWhile { !it.startsWith('Failed to execute goal') }
assert problems == [
  "service 'reports', dashboard: panel 'Reports rendered' (id 11), target A: target-promql: fix the PromQL, column 46: unclosed left parenthesis; add ')' in: sum(rate(reports_rendered_total[17m13s100ms])",
] : "problem lines differ:\n" + problems.join('\n')
assert errors.any { it.contains(':check') && it.contains('The SRE definitions have 1 problem; see the line above') }

// sre:check ran alone: it refused the definitions before writing its reports, and nothing generated.
assert !log.contains('sre-maven-plugin:0.1.0-SNAPSHOT:generate')
assert !new File(basedir, 'target/sre').exists() : 'a refused run must not write any output'
assert !log.readLines().any { it ==~ /\s+at [\w$.]+\(.*\)/ } : 'a stack trace reached the build log'
return true
