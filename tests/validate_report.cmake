# planlint check --format xml on each plan fixture, on the whole directory, and
# with an unreadable file, validated against SCHEMA with xmllint.
file(MAKE_DIRECTORY ${OUT})
file(GLOB plans fixtures/plans/*.txt fixtures/layouts/*.txt fixtures/rules/*/*.txt)
list(APPEND runs "fixtures/plans" "fixtures/plans/tongzhou-ip-pilot-2024.txt|fixtures/bad/latin1.txt|no-such-file.txt")
foreach(plan IN LISTS plans)
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${plan})
  list(APPEND runs ${rel})
endforeach()
set(n 0)
foreach(run IN LISTS runs)
  string(REPLACE "|" ";" args "${run}")
  math(EXPR n "${n} + 1")
  execute_process(COMMAND ${PLANLINT} check --format xml --fail-on never ${args}
                  OUTPUT_FILE ${OUT}/${n}.xml ERROR_QUIET)
  execute_process(COMMAND ${XMLLINT} --noout --schema ${SCHEMA} ${OUT}/${n}.xml
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "report of ${run} does not validate:\n${err}")
  endif()
endforeach()
message(STATUS "${n} reports valid against ${SCHEMA}")
