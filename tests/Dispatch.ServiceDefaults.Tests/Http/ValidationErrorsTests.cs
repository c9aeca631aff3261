using Dispatch.ServiceDefaults.Http;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Http;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Merging_keeps_the_first_checks_words_for_a_field_and_adds_the_fields_only_later_checks_fault()
    {
        var cells = new ValidationErrors().Add("joinedOn", "joinedOn \"三月一日\" is not a date.");
        var rules = new ValidationErrors().Add("joinedOn", "joinedOn is required.").Add("name", "name is required.").Add("name", "name is too long.");

        var merged = ValidationErrors.Merge(cells, rules);

        Assert.Equal(["joinedOn \"三月一日\" is not a date."], merged["joinedOn"]);
        Assert.Equal(["name is required.", "name is too long."], merged["name"]);
        Assert.Equal(2, merged.Count);
    }
}
