namespace LumoFlow.App.Web;

/// <summary>
/// What the notification form and its receipt say, in Finnish, Swedish and English. Every text is <c>required</c>, so a
/// language that misses one does not compile. Texts with <c>{0}</c> are formatted; none is HTML (the page escapes them).
/// </summary>
public sealed record NotificationFormTexts
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Emergency { get; init; }
    public required string RequiredNote { get; init; }
    public required string Optional { get; init; }
    public required string ErrorsHeading { get; init; }
    public required string NotADate { get; init; }

    public required string KindLegend { get; init; }
    public required string KindChildWelfare { get; init; }
    public required string KindChildWelfareHint { get; init; }
    public required string KindJointContact { get; init; }
    public required string KindJointContactHint { get; init; }
    public required string KindPreBirth { get; init; }
    public required string KindPreBirthHint { get; init; }

    public required string NotifierLegend { get; init; }
    public required string NotifierType { get; init; }
    public required string Professional { get; init; }
    public required string ProfessionalHint { get; init; }
    public required string Private { get; init; }
    public required string PrivateHint { get; init; }
    public required string NotifierName { get; init; }
    public required string NotifierProfession { get; init; }
    public required string NotifierOrganisation { get; init; }
    public required string ProfessionalOnlyHint { get; init; }
    public required string NotifierPhone { get; init; }
    public required string NotifierEmail { get; init; }
    public required string ContactHint { get; init; }
    public required string NotifierLanguage { get; init; }
    public required string NotifierAnonymous { get; init; }
    public required string NotifierAnonymousHint { get; init; }

    public required string ChildLegend { get; init; }
    public required string ChildName { get; init; }
    public required string ChildIdentityCode { get; init; }
    public required string ChildIdentityCodeHint { get; init; }
    public required string ChildDateOfBirth { get; init; }
    public required string ChildDateOfBirthHint { get; init; }
    public required string ChildExpectedBirthDate { get; init; }
    public required string ChildExpectedBirthDateHint { get; init; }
    public required string ChildHomeMunicipality { get; init; }
    public required string ChildHomeMunicipalityHint { get; init; }
    public required string ChildLanguage { get; init; }
    public required string ChildLanguageUnknown { get; init; }
    public required string ChildLanguageOther { get; init; }

    public required string GuardianLegend { get; init; }
    public required string GuardianHint { get; init; }
    public required string GuardianName { get; init; }
    public required string GuardianPhone { get; init; }
    public required string GuardianEmail { get; init; }
    public required string GuardianAddress { get; init; }

    public required string ConcernLegend { get; init; }
    public required string Concern { get; init; }
    public required string ConcernHint { get; init; }
    public required string ReasonsLegend { get; init; }
    public required string ReasonsHint { get; init; }
    public required IReadOnlyDictionary<string, string> Reasons { get; init; }
    public required string UrgencyLegend { get; init; }
    public required string ImmediateDanger { get; init; }
    public required string ImmediateDangerHint { get; init; }
    public required string OffenceSuspected { get; init; }
    public required string OffenceSuspectedHint { get; init; }
    public required string MadeTogetherWithFamily { get; init; }
    public required string FamilyInformed { get; init; }
    public required string FirstHandKnowledge { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string DontKnow { get; init; }
    public required string Send { get; init; }

    public required string ReceiptTitle { get; init; }
    public required string Reference { get; init; }
    public required string ReferenceHint { get; init; }
    public required string NextHeading { get; init; }
    public required string NextUrgency { get; init; }
    public required string NextDecision { get; init; }
    public required string NextAssessment { get; init; }
    public required string NextAfterBirth { get; init; }
    public required string NextDeadlinesFromBirth { get; init; }
    public required string NextContact { get; init; }
    public required string NextAnonymous { get; init; }
    public required string TimelineCaption { get; init; }
    public required string TimelineReceived { get; init; }
    public required string TimelineDecision { get; init; }
    public required string TimelineAssessment { get; init; }
    public required string TimelineDecisionFromBirth { get; init; }
    public required string TimelineAssessmentFromBirth { get; init; }
    public required string DutyHeading { get; init; }
    public required string DutyWithoutDelay { get; init; }
    public required string DutyPoliceMay { get; init; }
    public required string DutyPoliceMust { get; init; }
    public required string DangerCall { get; init; }
    public required string SentHeading { get; init; }
    public required string NewNotification { get; init; }

    public required string TooManyTitle { get; init; }
    public required string TooMany { get; init; }
    public required string ExpiredTitle { get; init; }
    public required string Expired { get; init; }
    public required string AlreadySentTitle { get; init; }
    public required string AlreadySent { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequest { get; init; }
    public required string BackToForm { get; init; }

    public static NotificationFormTexts For(string language) => language switch { "sv" => Sv, "en" => En, _ => Fi };

    public static readonly NotificationFormTexts Fi = new()
    {
        Title = "Lastensuojeluilmoitus",
        Intro = "Tee ilmoitus, jos olet huolissasi lapsen hyvinvoinnista tai kehityksestä. Ilmoitus menee lapsen kotikunnan sosiaalityöntekijälle. Lomake on suojattu, eikä ilmoitusta lähetetä sähköpostilla.",
        Emergency = "Jos lapsi on välittömässä vaarassa, soita hätänumeroon 112.",
        RequiredNote = "Pakolliset tiedot riippuvat siitä, kuka ilmoittaa; lomake kertoo, jos jotain puuttuu.",
        Optional = "(valinnainen)",
        ErrorsHeading = "Ilmoituksessa on korjattavaa",
        NotADate = "ei ole päivämäärä (muodossa p.k.vvvv)",
        KindLegend = "Ilmoituksen laji",
        KindChildWelfare = "Lastensuojeluilmoitus",
        KindChildWelfareHint = "Lastensuojelulaki 25 §",
        KindJointContact = "Yhteydenotto yhdessä lapsen tai huoltajan kanssa",
        KindJointContactHint = "Ilmoitusvelvollisen vaihtoehto, lastensuojelulaki 25 a §",
        KindPreBirth = "Ennakollinen lastensuojeluilmoitus",
        KindPreBirthHint = "Ennen lapsen syntymää, lastensuojelulaki 25 c §",
        NotifierLegend = "Ilmoittaja",
        NotifierType = "Ilmoitan",
        Professional = "työni puolesta (ilmoitusvelvollisena)",
        ProfessionalHint = "Esimerkiksi koulun, varhaiskasvatuksen, terveydenhuollon tai poliisin työntekijä. Ilmoitusvelvollinen ei voi ilmoittaa nimettömänä.",
        Private = "yksityishenkilönä",
        PrivateHint = "Esimerkiksi sukulainen, naapuri tai tuttava.",
        NotifierName = "Nimesi",
        NotifierProfession = "Ammatti tai tehtävä",
        NotifierOrganisation = "Työpaikka tai organisaatio",
        ProfessionalOnlyHint = "Pakollinen, jos ilmoitat työsi puolesta.",
        NotifierPhone = "Puhelinnumero",
        NotifierEmail = "Sähköposti",
        ContactHint = "Ilmoitusvelvollinen antaa puhelinnumeron tai sähköpostin. Sähköpostiin lähetetään vain vastaanottokuittaus.",
        NotifierLanguage = "Asiointikieli",
        NotifierAnonymous = "Haluan ilmoittaa nimettömänä",
        NotifierAnonymousHint = "Vain yksityishenkilö voi ilmoittaa nimettömänä. Silloin sinuun ei oteta yhteyttä.",
        ChildLegend = "Lapsi",
        ChildName = "Lapsen nimi",
        ChildIdentityCode = "Lapsen henkilötunnus",
        ChildIdentityCodeHint = "Muodossa ppkkvvXnnnT, esimerkiksi 010115A1239. Jos et tiedä sitä, anna syntymäaika.",
        ChildDateOfBirth = "Lapsen syntymäaika",
        ChildDateOfBirthHint = "Jos henkilötunnus ei ole tiedossa.",
        ChildExpectedBirthDate = "Laskettu aika",
        ChildExpectedBirthDateHint = "Vain ennakolliseen ilmoitukseen.",
        ChildHomeMunicipality = "Lapsen kotikunta",
        ChildHomeMunicipalityHint = "Kunnan nimi, esimerkiksi Kuopio. Ilmoitus ohjataan sen sosiaalityöntekijöille.",
        ChildLanguage = "Lapsen kieli",
        ChildLanguageUnknown = "En tiedä",
        ChildLanguageOther = "Muu",
        GuardianLegend = "Huoltaja",
        GuardianHint = "Jos tiedät, kuka lapsen huoltaja on.",
        GuardianName = "Huoltajan nimi",
        GuardianPhone = "Huoltajan puhelinnumero",
        GuardianEmail = "Huoltajan sähköposti",
        GuardianAddress = "Huoltajan osoite",
        ConcernLegend = "Huoli",
        Concern = "Mikä sinua huolettaa?",
        ConcernHint = "Kerro omin sanoin, mitä olet havainnut tai kuullut ja milloin.",
        ReasonsLegend = "Huolen aiheet",
        ReasonsHint = "Valitse kaikki sopivat (valinnainen).",
        Reasons = new Dictionary<string, string>
        {
            ["neglect"] = "Lapsen tarpeiden laiminlyönti",
            ["abandonment"] = "Hylkääminen",
            ["violenceOrSexualAbuse"] = "Väkivalta tai seksuaalinen hyväksikäyttö, sen epäily tai uhka",
            ["otherCareShortcomings"] = "Muut puutteet huolenpidossa",
            ["carerSubstanceOrMentalHealth"] = "Huoltajan päihde- tai mielenterveysongelmat tai uupumus",
            ["noSupportNetwork"] = "Arjen tukiverkoston puute",
            ["childSubstanceUse"] = "Lapsen päihteiden käyttö",
            ["childMentalHealth"] = "Lapsen mielenterveysongelmat",
            ["childOffending"] = "Lapsen rikollinen käyttäytyminen",
            ["childSelfHarm"] = "Lapsen itsetuhoisuus",
            ["parentChildInteraction"] = "Vakavat vuorovaikutusongelmat vanhemman ja lapsen välillä",
            ["schoolNeglect"] = "Koulunkäynnin jatkuva laiminlyönti",
            ["excessiveResponsibility"] = "Lapsen ikään nähden liian suuri vastuu",
            ["financialSituation"] = "Taloudellinen tilanne, joka vaarantaa lapsen hoidon",
            ["other"] = "Muu syy",
        },
        UrgencyLegend = "Kiireellisyys ja tilanne",
        ImmediateDanger = "Lapsi on välittömässä vaarassa",
        ImmediateDangerHint = "Ilmoitus ohjataan heti päivystävälle sosiaalityöntekijälle. Soita silti myös 112.",
        OffenceSuspected = "Epäilen lapseen kohdistunutta seksuaalirikosta tai väkivaltaa",
        OffenceSuspectedHint = "Silloin asiasta tehdään myös ilmoitus poliisille (lastensuojelulaki 25 § 3 mom.).",
        MadeTogetherWithFamily = "Teen ilmoituksen yhdessä lapsen tai huoltajan kanssa",
        FamilyInformed = "Onko lapselle tai huoltajalle kerrottu ilmoituksesta?",
        FirstHandKnowledge = "Perustuuko tieto omiin havaintoihisi?",
        Yes = "Kyllä",
        No = "Ei",
        DontKnow = "En tiedä",
        Send = "Lähetä ilmoitus",
        ReceiptTitle = "Ilmoitus on vastaanotettu",
        Reference = "Viitenumero",
        ReferenceHint = "Kirjoita viitenumero muistiin. Mainitse se, jos otat yhteyttä sosiaalipalveluihin tämän ilmoituksen vuoksi.",
        NextHeading = "Mitä seuraavaksi tapahtuu",
        NextUrgency = "Sosiaalityöntekijä arvioi heti, tarvitseeko lapsi kiireellisesti lastensuojelua.",
        NextDecision = "Viimeistään seitsemäntenä arkipäivänä ({0}) sosiaalityöntekijä päättää, aloitetaanko palvelutarpeen arviointi, ja kertoo ilmoituksesta lapselle ja huoltajalle.",
        NextAssessment = "Jos arviointi aloitetaan, se valmistuu viimeistään kolmen kuukauden kuluttua ({0}).",
        NextAfterBirth = "Lastensuojeluasia tulee vireille vasta lapsen synnyttyä (lastensuojelulaki 25 c §).",
        NextDeadlinesFromBirth = "Määräajat alkavat syntymästä: viimeistään seitsemäntenä arkipäivänä syntymän jälkeen sosiaalityöntekijä päättää, aloitetaanko palvelutarpeen arviointi, ja arviointi valmistuu kolmen kuukauden kuluessa syntymästä.",
        NextContact = "Sosiaalityöntekijä ottaa sinuun yhteyttä antamiesi yhteystietojen kautta.",
        NextAnonymous = "Ilmoitit nimettömänä, joten sinuun ei oteta yhteyttä. Tee uusi ilmoitus, jos huoli jatkuu.",
        TimelineCaption = "Lakisääteiset määräajat",
        TimelineReceived = "Ilmoitus vastaanotettu",
        TimelineDecision = "Päätös palvelutarpeen arvioinnin aloittamisesta viimeistään",
        TimelineAssessment = "Palvelutarpeen arviointi valmis viimeistään",
        TimelineDecisionFromBirth = "7. arkipäivänä syntymän jälkeen",
        TimelineAssessmentFromBirth = "3 kuukauden kuluttua syntymästä",
        DutyHeading = "Ilmoitusvelvolliselle",
        DutyWithoutDelay = "Ilmoitusvelvollisen on ilmoitettava viipymättä salassapitosäännösten estämättä (lastensuojelulaki 25 §). Tee uusi ilmoitus, jos tilanne jatkuu tai muuttuu.",
        DutyPoliceMay = "Voit lisäksi tehdä ilmoituksen poliisille.",
        DutyPoliceMust = "Koska epäilet seksuaalirikosta tai väkivaltaa lasta kohtaan, sinun on tehtävä myös ilmoitus poliisille (lastensuojelulaki 25 § 3 mom.).",
        DangerCall = "Ilmoitit, että lapsi on välittömässä vaarassa: soita heti hätänumeroon 112.",
        SentHeading = "Lähettämäsi ilmoitus",
        NewNotification = "Tee uusi ilmoitus",
        TooManyTitle = "Liian monta ilmoitusta",
        TooMany = "Tästä osoitteesta on lähetetty lyhyessä ajassa liian monta ilmoitusta. Ilmoitusta ei tallennettu. Yritä uudelleen {0} minuutin kuluttua. Jos lapsi on välittömässä vaarassa, soita 112.",
        ExpiredTitle = "Lomake on vanhentunut",
        Expired = "Lomakkeen tarkistus epäonnistui, joten ilmoitusta ei tallennettu. Avaa lomake uudelleen ja täytä se.",
        AlreadySentTitle = "Lomake on jo lähetetty",
        AlreadySent = "Tämä lomake on jo lähetetty, eikä muutettua ilmoitusta tallennettu. Jos haluat tehdä uuden ilmoituksen, avaa uusi lomake.",
        BadRequestTitle = "Ilmoitusta ei voitu käsitellä",
        BadRequest = "Ilmoitusta ei tallennettu. Avaa lomake uudelleen ja lähetä se.",
        BackToForm = "Avaa ilmoituslomake",
    };

    public static readonly NotificationFormTexts Sv = new()
    {
        Title = "Barnskyddsanmälan",
        Intro = "Gör en anmälan om du är orolig för ett barns välbefinnande eller utveckling. Anmälan går till en socialarbetare i barnets hemkommun. Formuläret är skyddat och anmälan skickas inte per e-post.",
        Emergency = "Om barnet är i omedelbar fara, ring nödnumret 112.",
        RequiredNote = "Vilka uppgifter som krävs beror på vem som anmäler; formuläret säger till om något saknas.",
        Optional = "(frivilligt)",
        ErrorsHeading = "Anmälan behöver rättas",
        NotADate = "är inte ett datum (i formen d.m.åååå)",
        KindLegend = "Typ av anmälan",
        KindChildWelfare = "Barnskyddsanmälan",
        KindChildWelfareHint = "Barnskyddslagen 25 §",
        KindJointContact = "Kontakt tillsammans med barnet eller vårdnadshavaren",
        KindJointContactHint = "Ett alternativ för den som har anmälningsplikt, barnskyddslagen 25 a §",
        KindPreBirth = "Föregripande barnskyddsanmälan",
        KindPreBirthHint = "Före barnets födelse, barnskyddslagen 25 c §",
        NotifierLegend = "Anmälare",
        NotifierType = "Jag anmäler",
        Professional = "i mitt arbete (med anmälningsplikt)",
        ProfessionalHint = "Till exempel anställda inom skola, småbarnspedagogik, hälso- och sjukvård eller polis. Den som har anmälningsplikt kan inte anmäla anonymt.",
        Private = "som privatperson",
        PrivateHint = "Till exempel en släkting, granne eller bekant.",
        NotifierName = "Ditt namn",
        NotifierProfession = "Yrke eller uppgift",
        NotifierOrganisation = "Arbetsplats eller organisation",
        ProfessionalOnlyHint = "Obligatoriskt om du anmäler i ditt arbete.",
        NotifierPhone = "Telefonnummer",
        NotifierEmail = "E-post",
        ContactHint = "Den som har anmälningsplikt anger telefonnummer eller e-post. Till e-posten skickas bara ett kvitto.",
        NotifierLanguage = "Språk",
        NotifierAnonymous = "Jag vill anmäla anonymt",
        NotifierAnonymousHint = "Bara en privatperson kan anmäla anonymt. Då kontaktas du inte.",
        ChildLegend = "Barnet",
        ChildName = "Barnets namn",
        ChildIdentityCode = "Barnets personbeteckning",
        ChildIdentityCodeHint = "I formen ddmmååXnnnT, till exempel 010115A1239. Om du inte vet den, ange födelsedatum.",
        ChildDateOfBirth = "Barnets födelsedatum",
        ChildDateOfBirthHint = "Om personbeteckningen inte är känd.",
        ChildExpectedBirthDate = "Beräknad födelsedag",
        ChildExpectedBirthDateHint = "Bara för en föregripande anmälan.",
        ChildHomeMunicipality = "Barnets hemkommun",
        ChildHomeMunicipalityHint = "Kommunens namn, till exempel Kuopio. Anmälan går till dess socialarbetare.",
        ChildLanguage = "Barnets språk",
        ChildLanguageUnknown = "Vet inte",
        ChildLanguageOther = "Annat",
        GuardianLegend = "Vårdnadshavare",
        GuardianHint = "Om du vet vem som är barnets vårdnadshavare.",
        GuardianName = "Vårdnadshavarens namn",
        GuardianPhone = "Vårdnadshavarens telefonnummer",
        GuardianEmail = "Vårdnadshavarens e-post",
        GuardianAddress = "Vårdnadshavarens adress",
        ConcernLegend = "Oro",
        Concern = "Vad är du orolig för?",
        ConcernHint = "Berätta med egna ord vad du har sett eller hört och när.",
        ReasonsLegend = "Orsaker till oro",
        ReasonsHint = "Välj alla som passar (frivilligt).",
        Reasons = new Dictionary<string, string>
        {
            ["neglect"] = "Försummelse av barnets behov",
            ["abandonment"] = "Övergivande",
            ["violenceOrSexualAbuse"] = "Våld eller sexuellt utnyttjande, misstanke eller hot om det",
            ["otherCareShortcomings"] = "Andra brister i omsorgen",
            ["carerSubstanceOrMentalHealth"] = "Vårdnadshavarens missbruk, psykiska problem eller utmattning",
            ["noSupportNetwork"] = "Inget stödnätverk i vardagen",
            ["childSubstanceUse"] = "Barnets missbruk",
            ["childMentalHealth"] = "Barnets psykiska problem",
            ["childOffending"] = "Barnets brottsliga beteende",
            ["childSelfHarm"] = "Barnets självdestruktivitet",
            ["parentChildInteraction"] = "Allvarliga problem i samspelet mellan förälder och barn",
            ["schoolNeglect"] = "Ihållande försummelse av skolgången",
            ["excessiveResponsibility"] = "Ett ansvar som är för stort för barnets ålder",
            ["financialSituation"] = "En ekonomisk situation som äventyrar omsorgen om barnet",
            ["other"] = "Annan orsak",
        },
        UrgencyLegend = "Brådska och situation",
        ImmediateDanger = "Barnet är i omedelbar fara",
        ImmediateDangerHint = "Anmälan går genast till jourhavande socialarbetare. Ring ändå också 112.",
        OffenceSuspected = "Jag misstänker sexualbrott eller våld mot barnet",
        OffenceSuspectedHint = "Då görs också en anmälan till polisen (barnskyddslagen 25 § 3 mom.).",
        MadeTogetherWithFamily = "Jag gör anmälan tillsammans med barnet eller vårdnadshavaren",
        FamilyInformed = "Har barnet eller vårdnadshavaren fått veta om anmälan?",
        FirstHandKnowledge = "Bygger uppgifterna på dina egna iakttagelser?",
        Yes = "Ja",
        No = "Nej",
        DontKnow = "Vet inte",
        Send = "Skicka anmälan",
        ReceiptTitle = "Anmälan har tagits emot",
        Reference = "Referensnummer",
        ReferenceHint = "Anteckna referensnumret. Nämn det om du kontaktar socialservicen om denna anmälan.",
        NextHeading = "Vad händer härnäst",
        NextUrgency = "En socialarbetare bedömer genast om barnet är i brådskande behov av barnskydd.",
        NextDecision = "Senast den sjunde vardagen ({0}) beslutar socialarbetaren om en bedömning av servicebehovet inleds och berättar om anmälan för barnet och vårdnadshavaren.",
        NextAssessment = "Om bedömningen inleds blir den klar senast tre månader efter anmälan ({0}).",
        NextAfterBirth = "Barnskyddsärendet inleds först när barnet har fötts (barnskyddslagen 25 c §).",
        NextDeadlinesFromBirth = "Tidsfristerna räknas från födseln: senast den sjunde vardagen efter födseln beslutar socialarbetaren om en bedömning av servicebehovet inleds, och bedömningen blir klar inom tre månader från födseln.",
        NextContact = "Socialarbetaren kontaktar dig via de kontaktuppgifter du angav.",
        NextAnonymous = "Du anmälde anonymt, så du kontaktas inte. Gör en ny anmälan om oron fortsätter.",
        TimelineCaption = "Lagstadgade tidsfrister",
        TimelineReceived = "Anmälan mottagen",
        TimelineDecision = "Beslut om att inleda bedömningen av servicebehovet senast",
        TimelineAssessment = "Bedömningen av servicebehovet klar senast",
        TimelineDecisionFromBirth = "Den 7:e vardagen efter födseln",
        TimelineAssessmentFromBirth = "3 månader efter födseln",
        DutyHeading = "Till dig som har anmälningsplikt",
        DutyWithoutDelay = "Den som har anmälningsplikt ska anmäla utan dröjsmål och trots sekretessbestämmelserna (barnskyddslagen 25 §). Gör en ny anmälan om situationen fortsätter eller förändras.",
        DutyPoliceMay = "Du kan också göra en anmälan till polisen.",
        DutyPoliceMust = "Eftersom du misstänker sexualbrott eller våld mot barnet ska du också göra en anmälan till polisen (barnskyddslagen 25 § 3 mom.).",
        DangerCall = "Du angav att barnet är i omedelbar fara: ring genast nödnumret 112.",
        SentHeading = "Anmälan du skickade",
        NewNotification = "Gör en ny anmälan",
        TooManyTitle = "För många anmälningar",
        TooMany = "För många anmälningar har skickats från denna adress på kort tid. Anmälan sparades inte. Försök igen om {0} minuter. Om barnet är i omedelbar fara, ring 112.",
        ExpiredTitle = "Formuläret har gått ut",
        Expired = "Formuläret kunde inte kontrolleras, så anmälan sparades inte. Öppna formuläret på nytt och fyll i det.",
        AlreadySentTitle = "Formuläret har redan skickats",
        AlreadySent = "Detta formulär har redan skickats och den ändrade anmälan sparades inte. Öppna ett nytt formulär om du vill göra en ny anmälan.",
        BadRequestTitle = "Anmälan kunde inte behandlas",
        BadRequest = "Anmälan sparades inte. Öppna formuläret på nytt och skicka det.",
        BackToForm = "Öppna anmälningsformuläret",
    };

    public static readonly NotificationFormTexts En = new()
    {
        Title = "Child welfare notification",
        Intro = "Notify if you are worried about a child's wellbeing or development. The notification goes to a social worker of the child's home municipality. The form is protected and the notification is not sent by email.",
        Emergency = "If the child is in immediate danger, call the emergency number 112.",
        RequiredNote = "What is required depends on who notifies; the form tells you if something is missing.",
        Optional = "(optional)",
        ErrorsHeading = "There is a problem with the notification",
        NotADate = "is not a date (d.m.yyyy)",
        KindLegend = "Kind of notification",
        KindChildWelfare = "Child welfare notification",
        KindChildWelfareHint = "Child Welfare Act § 25",
        KindJointContact = "Contact made together with the child or a guardian",
        KindJointContactHint = "An alternative for duty-bound notifiers, Child Welfare Act § 25 a",
        KindPreBirth = "Pre-birth child welfare notification",
        KindPreBirthHint = "Before the child is born, Child Welfare Act § 25 c",
        NotifierLegend = "Notifier",
        NotifierType = "I notify",
        Professional = "in my work (duty-bound)",
        ProfessionalHint = "For example staff of a school, early childhood education, health care or the police. A duty-bound notifier cannot be anonymous.",
        Private = "as a private person",
        PrivateHint = "For example a relative, neighbour or acquaintance.",
        NotifierName = "Your name",
        NotifierProfession = "Profession or role",
        NotifierOrganisation = "Workplace or organisation",
        ProfessionalOnlyHint = "Required if you notify in your work.",
        NotifierPhone = "Phone number",
        NotifierEmail = "Email",
        ContactHint = "A duty-bound notifier gives a phone number or an email address. Only a receipt is sent by email.",
        NotifierLanguage = "Language",
        NotifierAnonymous = "I want to notify anonymously",
        NotifierAnonymousHint = "Only a private person can notify anonymously. You will then not be contacted.",
        ChildLegend = "Child",
        ChildName = "Child's name",
        ChildIdentityCode = "Child's personal identity code",
        ChildIdentityCodeHint = "As ddmmyyXnnnT, for example 010115A1239. If you do not know it, give the date of birth.",
        ChildDateOfBirth = "Child's date of birth",
        ChildDateOfBirthHint = "If the identity code is not known.",
        ChildExpectedBirthDate = "Expected date of birth",
        ChildExpectedBirthDateHint = "Only for a pre-birth notification.",
        ChildHomeMunicipality = "Child's home municipality",
        ChildHomeMunicipalityHint = "The municipality's name, for example Kuopio. The notification goes to its social workers.",
        ChildLanguage = "Child's language",
        ChildLanguageUnknown = "Don't know",
        ChildLanguageOther = "Other",
        GuardianLegend = "Guardian",
        GuardianHint = "If you know who the child's guardian is.",
        GuardianName = "Guardian's name",
        GuardianPhone = "Guardian's phone number",
        GuardianEmail = "Guardian's email",
        GuardianAddress = "Guardian's address",
        ConcernLegend = "Concern",
        Concern = "What worries you?",
        ConcernHint = "Describe in your own words what you have seen or heard, and when.",
        ReasonsLegend = "What the concern is about",
        ReasonsHint = "Select all that apply (optional).",
        Reasons = new Dictionary<string, string>
        {
            ["neglect"] = "Neglect of the child's needs",
            ["abandonment"] = "Abandonment",
            ["violenceOrSexualAbuse"] = "Violence or sexual abuse, or a suspicion or threat of it",
            ["otherCareShortcomings"] = "Other shortcomings in care",
            ["carerSubstanceOrMentalHealth"] = "A carer's substance or mental-health problems or exhaustion",
            ["noSupportNetwork"] = "No everyday support network",
            ["childSubstanceUse"] = "The child's substance use",
            ["childMentalHealth"] = "The child's mental-health problems",
            ["childOffending"] = "The child's offending",
            ["childSelfHarm"] = "The child's self-harm",
            ["parentChildInteraction"] = "Serious interaction problems between parent and child",
            ["schoolNeglect"] = "Persistent neglect of schooling",
            ["excessiveResponsibility"] = "Responsibility out of proportion to the child's age",
            ["financialSituation"] = "A financial situation that endangers the child's care",
            ["other"] = "Other reason",
        },
        UrgencyLegend = "Urgency and situation",
        ImmediateDanger = "The child is in immediate danger",
        ImmediateDangerHint = "The notification goes at once to the social worker on call. Call 112 as well.",
        OffenceSuspected = "I suspect a sexual offence or violence against the child",
        OffenceSuspectedHint = "A report to the police is then also made (Child Welfare Act § 25(3)).",
        MadeTogetherWithFamily = "I make this notification together with the child or a guardian",
        FamilyInformed = "Has the child or a guardian been told about the notification?",
        FirstHandKnowledge = "Is what you tell based on what you saw or heard yourself?",
        Yes = "Yes",
        No = "No",
        DontKnow = "Don't know",
        Send = "Send the notification",
        ReceiptTitle = "The notification has been received",
        Reference = "Case reference",
        ReferenceHint = "Write down the reference. Mention it if you contact social services about this notification.",
        NextHeading = "What happens next",
        NextUrgency = "A social worker assesses at once whether the child urgently needs child protection.",
        NextDecision = "By the 7th working day ({0}) the social worker decides whether to start a service-need assessment, and tells the child and the guardians about the notification.",
        NextAssessment = "If the assessment is started, it is completed within 3 months ({0}).",
        NextAfterBirth = "The child welfare case opens only once the child is born (Child Welfare Act § 25 c).",
        NextDeadlinesFromBirth = "The deadlines count from the birth: by the 7th working day after it the social worker decides whether to start a service-need assessment, and the assessment is completed within 3 months of the birth.",
        NextContact = "The social worker will contact you through the contact details you gave.",
        NextAnonymous = "You notified anonymously, so you will not be contacted. Notify again if the concern continues.",
        TimelineCaption = "Statutory deadlines",
        TimelineReceived = "Notification received",
        TimelineDecision = "Decision whether to start the service-need assessment, at the latest",
        TimelineAssessment = "Service-need assessment completed, at the latest",
        TimelineDecisionFromBirth = "The 7th working day after the birth",
        TimelineAssessmentFromBirth = "3 months after the birth",
        DutyHeading = "For duty-bound notifiers",
        DutyWithoutDelay = "A duty-bound notifier must notify without delay, notwithstanding confidentiality (Child Welfare Act § 25). Notify again if the situation continues or changes.",
        DutyPoliceMay = "You may also report to the police.",
        DutyPoliceMust = "As you suspect a sexual offence or violence against the child, you must also report to the police (Child Welfare Act § 25(3)).",
        DangerCall = "You said the child is in immediate danger: call the emergency number 112 now.",
        SentHeading = "What you sent",
        NewNotification = "Make a new notification",
        TooManyTitle = "Too many notifications",
        TooMany = "Too many notifications have been sent from this address in a short time. Nothing was stored. Try again in {0} minutes. If the child is in immediate danger, call 112.",
        ExpiredTitle = "The form has expired",
        Expired = "The form could not be verified, so nothing was stored. Open the form again and fill it in.",
        AlreadySentTitle = "This form was already sent",
        AlreadySent = "This form was already sent, and the changed notification was not stored. Open a new form to make a new notification.",
        BadRequestTitle = "The notification could not be processed",
        BadRequest = "Nothing was stored. Open the form again and send it.",
        BackToForm = "Open the notification form",
    };
}
