// Run by the sre-maven-plugin build (maven-invoker-plugin) after the expected failure of this example.
def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] ') }.collect { it.substring(8) }
assert errors[0].startsWith("service 'shop', template 'runbook.md.ftl': line 2, column 1: Instantiating freemarker.template.utility.Execute is not allowed") : errors.join('\n')
assert !new File(basedir, 'pwned-by-template').exists() : 'the template ran a command'
assert !log.readLines().any { it ==~ /\s+at [\w$.]+\(.*\)/ } : 'a stack trace reached the build log'
assert !new File(basedir, 'target/sre').exists() : 'a failed run must not write any output'
return true
