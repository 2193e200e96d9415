#if canImport(Glibc)
  import Glibc
#endif

let code = Dispatcher(root: RootCommand()).run(
  Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
