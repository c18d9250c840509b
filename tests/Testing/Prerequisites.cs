namespace TicketMaster.Testing;

/// <summary>
/// For tests that need a tool or a build output on this machine (node, chromium, npm packages):
/// skipped with the reason locally, failed under CI=true, where everything must be there.
/// </summary>
public static class Prerequisites
{
    public static void Require(bool available, string reason)
    {
        if (!available)
        {
            throw ServiceAvailability.Missing(reason);
        }
    }
}
