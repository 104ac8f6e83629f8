// An expired waiver is a violation of its own, and no longer counts the alert as covered.
def warnings = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[WARNING] service ') }.collect { it.substring(10) }
assert warnings == [
  "service orders: the runbook coverage waiver of alert OrdersFailing expired on 2020-01-31 (The runbook is written in the launch review.); cover the items or renew the waiver with a new date",
  "service orders: runbook coverage is 0.00, expected minimum 1.00; alerts without a runbook: OrdersFailing",
] : warnings.join('\n')
return true
