# The planlint executable end to end: each case runs it and checks the exit
# code and a piece of its output.
file(MAKE_DIRECTORY ${OUT})
function(expect name code pattern)
  execute_process(COMMAND ${PLANLINT} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "${name}: exit ${rc}, expected ${code}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "${name}: output does not match '${pattern}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endfunction()

expect(usage-no-command 2 "no command given")
expect(usage-unknown-command 2 "unknown command 'lint'" lint)
expect(usage-bad-format 2 "--format for check must be text, xml, json, sarif, junit, checkstyle, github or gitlab" check --format pdf fixtures/plans)
expect(usage-two-formats-to-stdout 2 "only one --format may go to standard output" check --format text --format xml fixtures/plans)
expect(config-prints-settings 0 "max-warnings = 5  # .*fixtures/config/tree/.planlint.toml" config fixtures/config/tree/plans/a.txt)
expect(no-plan-files-found 2 "no plan files found in the paths given" check cli)
expect(several-formats-in-one-run 1 "1 file, 18 errors, 3 warnings" check --format text --format sarif=${OUT}/several-formats.sarif fixtures/plans/tongzhou-ip-pilot-2024.txt)
expect(usage-bad-fail-on 2 "--fail-on must be" check --fail-on sometimes fixtures/plans)
expect(usage-unknown-option 2 "unrecognised option|unrecognized option" check --frobnicate fixtures/plans)
expect(help 0 "commands:" --help)
expect(usage-jobs-zero 2 "-j must be a whole number of at least 1, not '0'" check -j0 fixtures/plans)
expect(usage-jobs-negative 2 "-j must be a whole number of at least 1, not '-1'" check -j-1 fixtures/plans)
expect(usage-jobs-text 2 "-j must be a whole number" check --jobs many fixtures/plans)
expect(jobs-more-than-files 1 "1 file, 18 errors" check -j 100000 fixtures/plans/tongzhou-ip-pilot-2024.txt)
expect(usage-max-input-size 2 "--max-input-size must be" check --max-input-size 12X fixtures/plans)
expect(usage-input-timeout 2 "--input-timeout must be" check --input-timeout 0 fixtures/plans)
expect(max-input-size 2 "larger than the 10 KiB an input may be"
       check --max-input-size 10K fixtures/plans/tongzhou-ip-pilot-2024.txt)
expect(findings 1 "5 files, 68 errors, 24 warnings, 0 infos" check --color never fixtures/plans)
expect(fail-on-never 0 "5 files" check --fail-on never fixtures/plans)
expect(unreadable 2 "no-such.txt: error: no such file" check fixtures/plans/beichen-ip-pilot-2022.txt no-such.txt)
expect(rules-list 0 "timeline.no-acceptance +error +timeline" rules)
expect(rules-explain 0 "# task.unit-missing" rules --explain task.unit-missing)
expect(rules-explain-unknown 2 "no rule" rules --explain no.such)
expect(graph-dot 0 "digraph G" graph fixtures/plans/mentougou-ip-pilot-2020.txt)
expect(outline 0 "figures  18 tasks" outline fixtures/plans/mentougou-ip-pilot-2020.txt)
# A user rule file, with no rebuild: adds a rule, overrides a default's
# severity, and one more default is switched off on the command line.
expect(user-rules 1 "info: .*\\[target.unmeasured\\]"
       check --color never --rules fixtures/user-rules/combined.rules --disable timeline.missing
       fixtures/plans/tongzhou-ip-pilot-2024.txt)
execute_process(COMMAND ${PLANLINT} check --color never --rules fixtures/user-rules/combined.rules
                --disable timeline.missing fixtures/plans/tongzhou-ip-pilot-2024.txt OUTPUT_VARIABLE out)
if(out MATCHES "timeline.missing")
  message(FATAL_ERROR "user-rules: timeline.missing was disabled but reported")
endif()
expect(bad-rule-file 2 "syntax-error.rules:[0-9]+:[0-9]+: error: expected"
       check --rules fixtures/user-rules/syntax-error.rules fixtures/plans)
expect(unknown-attribute 2 "unknown-attribute.rules:[0-9]+:[0-9]+: error: .*unknown"
       check --rules fixtures/user-rules/unknown-attribute.rules fixtures/plans)
expect(type-error 2 "type-error.rules:[0-9]+:[0-9]+: error: "
       check --rules fixtures/user-rules/type-error.rules fixtures/plans)
# -j1 and -j2 write the same report with --output, byte for byte (the
# benchmark's command line, on the fixtures).
foreach(jobs 1 2)
  execute_process(COMMAND ${PLANLINT} check -j${jobs} --format xml --fail-on never
                          --output ${OUT}/jobs-${jobs}.xml fixtures/plans fixtures/layouts
                  RESULT_VARIABLE rc ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "jobs: -j${jobs} exited ${rc}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/jobs-1.xml ${OUT}/jobs-2.xml RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "jobs: the -j1 and -j2 reports differ")
endif()
