using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Utilities;

namespace TicketMaster.Api.Ide;

/// <summary>
/// Counts introspection at a tenth of its default complexity. Banana Cake Pop's introspection
/// query scores about 132,000 against the 25,000 budget meant for data queries, so without this
/// the IDE (and codegen tools) cannot load the schema. Its cost is bounded by the schema's size,
/// not the data's; a tenth still stops alias-multiplied introspection abuse.
/// </summary>
internal sealed class IntrospectionComplexity : BaseSchemaNodeVisitor, IConfigureSchema
{
    // Configure runs at the start of the schema's constructor, before it has a query type; the
    // visitor runs when the schema is initialized, once it is complete.
    public void Configure(ISchema schema, IServiceProvider serviceProvider) => schema.RegisterVisitor(this);

    public override void VisitSchema(ISchema schema) => schema.WithIntrospectionComplexityImpact(0.1);
}
