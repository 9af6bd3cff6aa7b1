// Namespaces nearly every file of the domain uses.
global using Tilsyn.Common;
