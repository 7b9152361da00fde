# cmake -DIN=<divisions.tsv> -DOUT=<file.cc> -P embed.cmake
file(READ ${IN} content)
string(LENGTH "${content}" size)
file(WRITE ${OUT}
  "// Generated from report/data/divisions.tsv by report/data/embed.cmake. Do not edit.\n"
  "#include <cstddef>\n"
  "namespace xxgk::report::data {\n"
  "extern const char kDivisionsTsv[];\n"
  "extern const std::size_t kDivisionsTsvSize;\n"
  "const char kDivisionsTsv[] = R\"xxgkdata(${content})xxgkdata\";\n"
  "const std::size_t kDivisionsTsvSize = ${size};\n"
  "}  // namespace xxgk::report::data\n")
