using Xunit.Abstractions;
using Xunit.Sdk;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// A fact that exists only when <c>STRIPE_TEST_SECRET_KEY</c> is set: without a key there is no test
/// case at all, so nothing shows as skipped (a skip would read as "something is missing here").
/// </summary>
[XunitTestCaseDiscoverer("TicketMaster.Api.Tests.Payments.Stripe.LiveStripeFactDiscoverer", "TicketMaster.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiveStripeFactAttribute : FactAttribute
{
    public const string KeyVariable = "STRIPE_TEST_SECRET_KEY";

    public static string? Key => Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } key ? key : null;
}

public sealed class LiveStripeFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        LiveStripeFactAttribute.Key is null
            ? []
            : [new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
