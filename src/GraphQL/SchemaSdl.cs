using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace TicketMaster.GraphQL;

/// <summary>
/// The schema as SDL, exactly as <c>GET /graphql?sdl</c> serves it and <c>schema/schema.graphql</c>
/// publishes it: descriptions included, definitions sorted by name so the file only changes when
/// the schema does.
/// </summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema)
    {
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var sdl = schema.Print(new PrintOptions
        {
            IncludeDescriptions = true,
            IncludeDeprecationReasons = true,
            StringComparison = StringComparison.Ordinal,
        });
        return sdl.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
