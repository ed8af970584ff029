using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Validation;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Notifications;

/// <summary>
/// What intake takes (<see cref="NotificationValidator.Check"/>). A case becomes pending when the authority learns of a
/// child (LSL § 26(1)) and the child's details are asked only as far as they are known (THL): a notification is refused
/// only for what no person would send — no concern, nothing that identifies the child — and for a duty-bound notifier's
/// own details (LSL § 25(1): no anonymity). What a private person got wrong is kept as given and flagged.
/// </summary>
public sealed class NotificationValidatorTests
{
    private static readonly DateTimeOffset Now = At("2026-04-01 10:00");

    private static NotificationCheck Check(Notification notification) => NotificationValidator.Check(notification, Now);

    private static Dictionary<string, string[]> Codes(FieldProblems problems) => problems.Codes.ToDictionary();

    private static Notification Private(Child child) => NeighbourNotification() with { Children = [child] };

    [Fact]
    public void A_neighbour_who_knows_only_a_first_name_and_the_street_is_accepted()
    {
        var check = Check(NeighbourNotification());

        Assert.Equal(0, check.Errors.Count);
        Assert.Equal(0, check.Flags.Count);
        Assert.Empty(check.FlagCodes);
    }

    public static TheoryData<string, Child> EachWayToIdentifyTheChild() => new()
    {
        { "a first name", new Child { Name = "Aino" } },
        { "an approximate age alone", new Child { ApproximateAge = 7 } },
        { "a date of birth alone", new Child { DateOfBirth = new DateOnly(2015, 3, 15) } },
        { "an identity code alone", new Child { IdentityCode = ChildIdentityCode } },
        { "where the child was seen, alone", new Child { Whereabouts = "the playground of Kalevan koulu" } },
    };

    [Theory]
    [MemberData(nameof(EachWayToIdentifyTheChild))]
    public void Anything_that_identifies_the_child_will_do_and_no_home_municipality_is_needed(string what, Child child)
    {
        var check = Check(Private(child));

        Assert.True(check.Errors.Count == 0, $"{what}: {string.Join("; ", check.Errors.English.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))}");
        Assert.Equal(0, check.Flags.Count);
    }

    [Fact]
    public void Nothing_that_identifies_the_child_is_refused()
    {
        var check = Check(Private(new Child { HomeMunicipality = "Kuopio", Language = "fi" }));

        Assert.Equal(new Dictionary<string, string[]> { ["children[0]"] = ["ChildNotIdentified"] }, Codes(check.Errors));
        Assert.Contains("identifies the child", check.Errors.English["children[0]"].Single());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void Blank_details_identify_nobody(string blank)
    {
        var check = Check(Private(new Child { Name = blank, Whereabouts = blank, IdentityCode = blank }));

        Assert.Equal(["ChildNotIdentified"], Codes(check.Errors)["children[0]"]);
    }

    [Fact]
    public void A_pre_birth_notification_is_identified_by_the_expected_birth_date()
    {
        var check = Check(PreBirthNotification() with { Children = [new Child { ExpectedBirthDate = new DateOnly(2026, 6, 1) }] });

        Assert.Equal(0, check.Errors.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_concern_is_refused(string? concern)
    {
        var check = Check(NeighbourNotification() with { Concern = concern });

        Assert.Equal(new Dictionary<string, string[]> { ["concern"] = ["ConcernRequired"] }, Codes(check.Errors));
    }

    [Fact]
    public void No_child_at_all_is_refused()
    {
        Assert.Equal(["ChildRequired"], Codes(Check(NeighbourNotification() with { Children = [] }).Errors)["children"]);
        Assert.Equal(["ChildRequired"], Codes(Check(NeighbourNotification() with { Children = null }).Errors)["children"]);
    }

    [Fact]
    public void A_professional_must_give_their_own_name_organisation_and_a_way_to_reach_them()
    {
        var check = Check(ValidNotification() with { Notifier = new Notifier { Type = NotifierTypes.Professional, Profession = "teacher" } });

        Assert.Equal(new Dictionary<string, string[]>
        {
            ["notifier.name"] = ["Required"],
            ["notifier.organisation"] = ["Required"],
            ["notifier.phone"] = ["ProfessionalGivesContact"],
        }, Codes(check.Errors));
    }

    [Fact]
    public void A_professional_cannot_notify_anonymously()
    {
        var valid = ValidNotification();

        var check = Check(valid with { Notifier = valid.Notifier! with { Anonymous = true } });

        Assert.Equal(["ProfessionalNotAnonymous"], Codes(check.Errors)["notifier.anonymous"]);
    }

    [Fact]
    public void A_professional_reached_by_phone_or_by_email_alone_is_enough()
    {
        var valid = ValidNotification();

        Assert.Equal(0, Check(valid with { Notifier = valid.Notifier! with { Email = null } }).Errors.Count);
        Assert.Equal(0, Check(valid with { Notifier = valid.Notifier! with { Phone = null } }).Errors.Count);
    }

    [Fact]
    public void A_private_notifier_s_malformed_identity_code_phone_and_email_are_kept_as_flags_not_errors()
    {
        var notification = NeighbourNotification() with
        {
            Notifier = new Notifier { Type = NotifierTypes.Private, Name = "Naapuri Niina", Phone = "call me", Email = "niina at home" },
            Children = [new Child { Name = "Aino", IdentityCode = "150315A123Y" }],
            Guardians = [new Guardian { Name = GuardianName, Phone = "12", Email = "pekka@" }],
        };

        var check = Check(notification);

        Assert.Equal(0, check.Errors.Count);
        Assert.Equal(new Dictionary<string, string[]>
        {
            ["notifier.phone"] = ["NotAPhoneNumber"],
            ["notifier.email"] = ["NotAnEmailAddress"],
            ["children[0].identityCode"] = ["IdentityCodeCheckCharacter"],
            ["guardians[0].phone"] = ["NotAPhoneNumber"],
            ["guardians[0].email"] = ["NotAnEmailAddress"],
        }, Codes(check.Flags));
        Assert.Contains("children[0].identityCode: IdentityCodeCheckCharacter", check.FlagCodes);
        Assert.Contains("notifier.email: NotAnEmailAddress", check.FlagCodes);
    }

    [Fact]
    public void A_professional_s_malformed_identity_code_phone_and_email_are_errors_to_correct()
    {
        var valid = ValidNotification();
        var notification = valid with
        {
            Notifier = valid.Notifier! with { Phone = "call me", Email = "nurse at clinic" },
            Children = [new Child { Name = ChildName, IdentityCode = "150315A123Y", HomeMunicipality = "Kuopio" }],
        };

        var check = Check(notification);

        Assert.Equal(["NotAPhoneNumber"], Codes(check.Errors)["notifier.phone"]);
        Assert.Equal(["NotAnEmailAddress"], Codes(check.Errors)["notifier.email"]);
        Assert.Equal(["IdentityCodeCheckCharacter"], Codes(check.Errors)["children[0].identityCode"]);
        Assert.Equal(0, check.Flags.Count);
    }

    [Fact]
    public void A_birth_date_that_disagrees_with_the_identity_code_or_lies_ahead_is_flagged()
    {
        var mismatch = Check(Private(new Child { Name = "Aino", IdentityCode = ChildIdentityCode, DateOfBirth = new DateOnly(2015, 3, 16) }));
        var ahead = Check(Private(new Child { Name = "Aino", DateOfBirth = new DateOnly(2026, 4, 2) }));

        Assert.Equal(0, mismatch.Errors.Count);
        Assert.Equal(["DateOfBirthMismatch"], Codes(mismatch.Flags)["children[0].dateOfBirth"]);
        Assert.Equal(0, ahead.Errors.Count);
        Assert.Equal(["InFuture"], Codes(ahead.Flags)["children[0].dateOfBirth"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void An_age_of_0_to_17_is_a_child_s(int years)
    {
        var check = Check(Private(new Child { ApproximateAge = years }));

        Assert.Equal((0, 0), (check.Errors.Count, check.Flags.Count));
    }

    /// <summary>
    /// An age outside 0–17 is not a child's (LSL § 6). The validator keeps it as given and flags it — the issue's rule
    /// that only what no person would send is refused, everything else a hint — rather than refusing the notification.
    /// </summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(18)]
    [InlineData(45)]
    public void An_age_outside_0_to_17_is_flagged_as_not_a_child_s(int years)
    {
        var check = Check(Private(new Child { Name = "Aino", ApproximateAge = years }));

        Assert.Equal(["NotAChildsAge"], Codes(check.Flags)["children[0].approximateAge"]);
        Assert.Equal(0, check.Errors.Count);
        Assert.Contains("0–17", check.Flags.English["children[0].approximateAge"].Single());
    }

    [Fact]
    public void A_notification_without_a_notifier_is_an_anonymous_private_person_s()
    {
        Assert.Equal(0, Check(NeighbourNotification() with { Notifier = null }).Errors.Count);
    }

    [Fact]
    public void A_joint_contact_by_a_private_person_is_taken_and_flagged()
    {
        var check = Check(NeighbourNotification() with { Kind = NotificationKinds.JointContact });

        Assert.Equal(0, check.Errors.Count);
        Assert.Equal(["JointContactByProfessional"], Codes(check.Flags)["kind"]);
    }

    [Fact]
    public void What_is_over_the_size_limits_is_still_refused()
    {
        var tooLong = new string('x', NotificationValidator.MaxTextLength + 1);

        var check = Check(Private(new Child { Name = "Aino", Whereabouts = tooLong }) with
        {
            Notifier = new Notifier { Type = NotifierTypes.Private, Phone = tooLong },
        });

        Assert.Equal(["TooLong"], Codes(check.Errors)["children[0].whereabouts"]);
        Assert.Equal(["TooLong"], Codes(check.Errors)["notifier.phone"]); // malformed is a flag; too long is an error
    }

    [Fact]
    public void Validate_and_Problems_answer_the_errors_only()
    {
        var notification = NeighbourNotification() with
        {
            Notifier = new Notifier { Type = NotifierTypes.Private, Email = "niina at home" },
            Concern = null,
        };

        Assert.Equal(["concern"], NotificationValidator.Validate(notification, Now).Keys);
        Assert.Equal(["concern"], NotificationValidator.Problems(notification, Now).Codes.Keys);
    }
}
