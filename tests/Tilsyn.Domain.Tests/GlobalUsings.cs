global using Tilsyn.Common;
