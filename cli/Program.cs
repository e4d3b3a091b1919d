using CompeteModel.Cli;

return CommandCatalog.Invoke(args);
