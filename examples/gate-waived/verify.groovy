// The waived paging alert counts as covered: the gate passes and the report lists the waiver.
def log = new File(basedir, 'build.log').text
assert log.contains('All coverage checks have been met')
def report = new File(basedir, 'target/sre/coverage/sre-coverage.md').text
assert report.contains('| orders | 1/1 (100%, 1 waived) |') : report
assert report.contains('| Runbook | OrdersFailing | no runbook | The runbook is written in the launch review. |') : report
return true
