/**
 * What is wrong, said so that a person can fix it: {@code Problem} (one line naming the service, the
 * element and the fix), {@code ElementProblems} (where the DSL and validation report them),
 * {@code DefinitionException} (every problem of the definitions at once), {@code SettingException} (a
 * wrong build setting) and {@code Failures} (an exception thrown by user code, in one line).
 *
 * <p>Depends on no other package of {@code dev.sredsl}, so that every package can report through it.
 */
package dev.sredsl.problem;
