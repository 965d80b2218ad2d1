# Profile-guided and link-time optimisation of Release builds (GCC).
#
# With PLANLINT_PGO on, the build first builds planlint once more, instrumented
# (-fprofile-generate), in pgo/build below the build directory; runs it over
# the training plans (the twenty plans of fixtures/corpus with its two
# Markdown lists of sources, and the Word documents of fixtures/docx/*.docx:
# none of them the five seed plans of fixtures/plans, which the benchmarks
# read, or a version of one), which writes the profile to pgo/profile; and then compiles planlint's own sources with that
# profile (-fprofile-use) and links them with link-time optimisation. The two
# builds name their objects alike below their build directories
# (-fprofile-prefix-path), which is how each object finds its profile.
#
# The instrumented build is rebuilt whenever the main one is (incrementally,
# like any build); when its binary changes, the plans are read again and
# every object that uses the profile is compiled again.

include(CheckIPOSupported)
include(ExternalProject)

# planlint_pgo_prepare(): called before the targets are defined. Sets
# PLANLINT_PGO_STAMP (the file the training run touches) in the caller.
function(planlint_pgo_prepare)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "PLANLINT_PGO needs GCC (-fprofile-prefix-path); turn it off for ${CMAKE_CXX_COMPILER_ID}")
  endif()
  if(PLANLINT_SANITIZE OR PLANLINT_FUZZ)
    message(FATAL_ERROR "PLANLINT_PGO is for Release builds, not with PLANLINT_SANITIZE or PLANLINT_FUZZ")
  endif()
  check_ipo_supported(RESULT ipo OUTPUT ipo_output LANGUAGES CXX)
  if(NOT ipo)
    message(FATAL_ERROR "PLANLINT_PGO: link-time optimisation is not supported here: ${ipo_output}")
  endif()
  set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON PARENT_SCOPE)
  # Code is generated at link time: the link is warned about as the compiles
  # are (and the same false alarms of GCC 12 are set aside).
  add_link_options(${PLANLINT_WARNINGS})

  set(dir ${CMAKE_BINARY_DIR}/pgo)
  set(profile ${dir}/profile)
  set(instrumented ${dir}/build)
  ExternalProject_Add(planlint_pgo_instrumented
    SOURCE_DIR ${CMAKE_SOURCE_DIR}
    BINARY_DIR ${instrumented}
    CMAKE_GENERATOR ${CMAKE_GENERATOR}
    CMAKE_ARGS -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
               -DPLANLINT_PGO=OFF -DPLANLINT_TESTS=OFF -DPLANLINT_BENCH=OFF
               "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS} -fprofile-generate=${profile} -fprofile-prefix-path=${instrumented} -fprofile-update=prefer-atomic"
               "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS} -fprofile-generate"
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target planlint
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${instrumented}/planlint
    INSTALL_COMMAND ""
    STEP_TARGETS build)

  # The training run: a profile of the plans as they are read, reported in
  # XML and in text. Its findings are not the point (--fail-on never); a
  # file that cannot be read stops the build (exit 2).
  set(stamp ${dir}/trained.stamp)
  file(GLOB word_documents RELATIVE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/fixtures/docx/*.docx)
  set(plans fixtures/corpus ${word_documents})
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${profile}
    COMMAND ${instrumented}/planlint check -j1 --fail-on never --format xml --output ${dir}/training.xml ${plans}
    COMMAND ${instrumented}/planlint check -j1 --fail-on never --output ${dir}/training.txt ${plans}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${instrumented}/planlint planlint_pgo_instrumented-build
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    COMMENT "Profiling planlint on the training plans"
    VERBATIM)
  add_custom_target(planlint_pgo_profile DEPENDS ${stamp})
  set(PLANLINT_PGO_STAMP ${stamp} PARENT_SCOPE)
  set(PLANLINT_PGO_FLAGS -fprofile-use=${profile} -fprofile-prefix-path=${CMAKE_BINARY_DIR}
      -fprofile-partial-training PARENT_SCOPE)
endfunction()

# planlint_pgo_use(TARGET...): compiles the targets' sources with the profile,
# after the training run, and again whenever it runs again.
function(planlint_pgo_use)
  foreach(target IN LISTS ARGN)
    add_dependencies(${target} planlint_pgo_profile)
    target_compile_options(${target} PRIVATE ${PLANLINT_PGO_FLAGS})
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    foreach(source IN LISTS sources)
      if(NOT IS_ABSOLUTE ${source})
        set(source ${source_dir}/${source})
      endif()
      set_property(SOURCE ${source} APPEND PROPERTY OBJECT_DEPENDS ${PLANLINT_PGO_STAMP})
      # A generated source (the built-in rules) has another path in each
      # build, and GCC checks a function's profile against its file's path:
      # the profile of these few functions (they build tables) is let go.
      cmake_path(IS_PREFIX CMAKE_BINARY_DIR ${source} generated)
      if(generated)
        set_property(SOURCE ${source} APPEND PROPERTY COMPILE_OPTIONS -Wno-coverage-mismatch)
      endif()
    endforeach()
  endforeach()
endfunction()
