# Writes `planlint outline --format xml` for each plan fixture and validates it
# against SCHEMA with xmllint. Fails on the first invalid document.
file(GLOB plans fixtures/plans/*.txt fixtures/layouts/*.txt)
file(MAKE_DIRECTORY ${OUT})
set(count 0)
foreach(plan IN LISTS plans)
  get_filename_component(name ${plan} NAME_WE)
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${plan})
  execute_process(COMMAND ${PLANLINT} outline --format xml ${rel}
                  OUTPUT_FILE ${OUT}/${name}.xml RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "planlint outline failed on ${rel} (exit ${rc})")
  endif()
  execute_process(COMMAND ${XMLLINT} --noout --schema ${SCHEMA} ${OUT}/${name}.xml
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${rel}: outline XML does not validate:\n${err}")
  endif()
  math(EXPR count "${count} + 1")
endforeach()
message(STATUS "${count} outlines valid against ${SCHEMA}")
