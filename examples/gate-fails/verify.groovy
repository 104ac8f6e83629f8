// Run by the sre-maven-plugin build (maven-invoker-plugin) after the expected failure of this example.
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.startsWith('[WARNING] ') }.collect { it.substring(10) }
def expected = [
  "service orders: runbook coverage is 0.50, expected minimum 1.00; alerts without a runbook: OrdersFailing",
  "service payments: SLO coverage is 0.00, expected minimum 1.00; critical services without an SLO: payments (add e.g. .slo(Slo.availability(99.9)))",
]
assert warnings.findAll { it.startsWith('service ') } == expected : warnings.join('\n')
assert log.contains('Coverage checks have not been met')
assert log.readLines().count { it.startsWith('::error title=SRE coverage::service ') } == 2 : 'one annotation per violation'

assert !log.readLines().any { it ==~ /\s+at [\w$.]+\(.*\)/ } : 'a stack trace reached the build log'
def report = new File(basedir, 'target/sre/coverage/sre-coverage.md')
assert report.isFile() : 'the gate must write its report even when it fails'
assert report.text.contains('### Violations')
return true
