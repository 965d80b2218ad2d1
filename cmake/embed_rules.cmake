# Writes OUTPUT: a C++ source that holds the text of each rule file in INPUTS,
# so that planlint needs no files beside its binary.
set(content "// Generated from rules/*.rules by cmake/embed_rules.cmake. Do not edit.\n")
string(APPEND content "#include \"planlint/rule_set.hpp\"\n\nnamespace planlint {\n\n")
string(APPEND content "const std::vector<BuiltinRuleFile>& builtin_rule_files() {\n")
string(APPEND content "  static const std::vector<BuiltinRuleFile> files{\n")
foreach(input IN LISTS INPUTS)
  file(READ ${input} text)
  get_filename_component(name ${input} NAME)
  string(APPEND content "      {\"<built-in>/${name}\", R\"planlint_rules(${text})planlint_rules\"},\n")
endforeach()
string(APPEND content "  };\n  return files;\n}\n\n}  // namespace planlint\n")
file(WRITE ${OUTPUT} "${content}")
