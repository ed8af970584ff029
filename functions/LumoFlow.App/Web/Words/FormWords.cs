using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>
/// What the public notification form and its receipt say. Texts with <c>{0}</c> are formatted; none is HTML (the page
/// encodes everything it shows).
/// </summary>
public static class FormWords
{
    public static readonly Phrase Title = new("Lastensuojeluilmoitus", "Barnskyddsanmälan", "Child welfare notification");
    public static readonly Phrase Intro = new(
        "Tee ilmoitus, jos olet huolissasi lapsen hyvinvoinnista tai kehityksestä. Ilmoitus menee lapsen kotikunnan sosiaalityöntekijälle. Lomake on suojattu, eikä ilmoitusta lähetetä sähköpostilla.",
        "Gör en anmälan om du är orolig för ett barns välbefinnande eller utveckling. Anmälan går till en socialarbetare i barnets hemkommun. Formuläret är skyddat och anmälan skickas inte per e-post.",
        "Notify if you are worried about a child's wellbeing or development. The notification goes to a social worker of the child's home municipality. The form is protected and the notification is not sent by email.");
    public static readonly Phrase Emergency = new(
        "Jos lapsi on välittömässä vaarassa, soita hätänumeroon 112.",
        "Om barnet är i omedelbar fara, ring nödnumret 112.",
        "If the child is in immediate danger, call the emergency number 112.");
    public static readonly Phrase RequiredNote = new(
        "Vain huoli ja jokin, mistä lapsi tunnistetaan, ovat pakollisia: kerro se, minkä tiedät. Ilmoitusvelvollinen antaa myös omat tietonsa.",
        "Bara oron och något som identifierar barnet är obligatoriska: berätta det du vet. Den som har anmälningsplikt anger också sina egna uppgifter.",
        "Only the concern and something that identifies the child are required: tell what you know. A duty-bound notifier also gives their own details.");
    public static readonly Phrase Optional = new("(valinnainen)", "(frivilligt)", "(optional)");
    public static readonly Phrase ErrorsHeading = new(
        "Ilmoituksessa on korjattavaa",
        "Anmälan behöver rättas",
        "There is a problem with the notification");
    public static readonly Phrase KindLegend = new("Ilmoituksen laji", "Typ av anmälan", "Kind of notification");
    public static readonly Phrase KindChildWelfare = new("Lastensuojeluilmoitus", "Barnskyddsanmälan", "Child welfare notification");
    public static readonly Phrase KindChildWelfareHint = new("Lastensuojelulaki 25 §", "Barnskyddslagen 25 §", "Child Welfare Act § 25");
    public static readonly Phrase KindJointContact = new(
        "Yhteydenotto yhdessä lapsen tai huoltajan kanssa",
        "Kontakt tillsammans med barnet eller vårdnadshavaren",
        "Contact made together with the child or a guardian");
    public static readonly Phrase KindJointContactHint = new(
        "Ilmoitusvelvollisen vaihtoehto, lastensuojelulaki 25 a §",
        "Ett alternativ för den som har anmälningsplikt, barnskyddslagen 25 a §",
        "An alternative for duty-bound notifiers, Child Welfare Act § 25 a");
    public static readonly Phrase KindPreBirth = new(
        "Ennakollinen lastensuojeluilmoitus",
        "Föregripande barnskyddsanmälan",
        "Pre-birth child welfare notification");
    public static readonly Phrase KindPreBirthHint = new(
        "Ennen lapsen syntymää, lastensuojelulaki 25 c §",
        "Före barnets födelse, barnskyddslagen 25 c §",
        "Before the child is born, Child Welfare Act § 25 c");
    public static readonly Phrase NotifierLegend = new("Ilmoittaja", "Anmälare", "Notifier");
    public static readonly Phrase NotifierType = new("Ilmoitan", "Jag anmäler", "I notify");
    public static readonly Phrase Professional = new(
        "työni puolesta (ilmoitusvelvollisena)",
        "i mitt arbete (med anmälningsplikt)",
        "in my work (duty-bound)");
    public static readonly Phrase ProfessionalHint = new(
        "Esimerkiksi koulun, varhaiskasvatuksen, terveydenhuollon tai poliisin työntekijä. Ilmoitusvelvollinen ei voi ilmoittaa nimettömänä.",
        "Till exempel anställda inom skola, småbarnspedagogik, hälso- och sjukvård eller polis. Den som har anmälningsplikt kan inte anmäla anonymt.",
        "For example staff of a school, early childhood education, health care or the police. A duty-bound notifier cannot be anonymous.");
    public static readonly Phrase Private = new("yksityishenkilönä", "som privatperson", "as a private person");
    public static readonly Phrase PrivateHint = new(
        "Esimerkiksi sukulainen, naapuri tai tuttava.",
        "Till exempel en släkting, granne eller bekant.",
        "For example a relative, neighbour or acquaintance.");
    public static readonly Phrase NotifierName = new("Nimesi", "Ditt namn", "Your name");
    public static readonly Phrase NotifierProfession = new("Ammatti tai tehtävä", "Yrke eller uppgift", "Profession or role");
    public static readonly Phrase NotifierOrganisation = new(
        "Työpaikka tai organisaatio",
        "Arbetsplats eller organisation",
        "Workplace or organisation");
    public static readonly Phrase ProfessionalOnlyHint = new(
        "Pakollinen, jos ilmoitat työsi puolesta.",
        "Obligatoriskt om du anmäler i ditt arbete.",
        "Required if you notify in your work.");
    public static readonly Phrase NotifierPhone = new("Puhelinnumero", "Telefonnummer", "Phone number");
    public static readonly Phrase NotifierEmail = new("Sähköposti", "E-post", "Email");
    public static readonly Phrase ContactHint = new(
        "Ilmoitusvelvollinen antaa puhelinnumeron tai sähköpostin. Sähköpostiin lähetetään vain vastaanottokuittaus.",
        "Den som har anmälningsplikt anger telefonnummer eller e-post. Till e-posten skickas bara ett kvitto.",
        "A duty-bound notifier gives a phone number or an email address. Only a receipt is sent by email.");
    public static readonly Phrase NotifierLanguage = new("Asiointikieli", "Språk", "Language");
    public static readonly Phrase NotifierAnonymous = new("Haluan ilmoittaa nimettömänä", "Jag vill anmäla anonymt", "I want to notify anonymously");
    public static readonly Phrase NotifierAnonymousHint = new(
        "Vain yksityishenkilö voi ilmoittaa nimettömänä. Silloin sinuun ei oteta yhteyttä.",
        "Bara en privatperson kan anmäla anonymt. Då kontaktas du inte.",
        "Only a private person can notify anonymously. You will then not be contacted.");
    public static readonly Phrase ChildLegend = new("Lapsi", "Barnet", "Child");
    public static readonly Phrase ChildHint = new(
        "Kerro lapsesta se, minkä tiedät: etunimi ja katu riittävät.",
        "Berätta det du vet om barnet: ett förnamn och gatan räcker.",
        "Tell what you know about the child: a first name and the street are enough.");
    public static readonly Phrase ChildApproximateAge = new("Lapsen ikä noin (vuotta)", "Barnets ålder ungefär (år)", "The child's age, about (years)");
    public static readonly Phrase ChildApproximateAgeHint = new("Jos et tiedä syntymäaikaa.", "Om du inte vet födelsedatumet.", "If you do not know the date of birth.");
    public static readonly Phrase ChildWhereabouts = new("Missä lapsi asuu tai missä hänet on nähty", "Var barnet bor eller var barnet har setts",
        "Where the child lives or was seen");
    public static readonly Phrase ChildWhereaboutsHint = new("Esimerkiksi osoite, katu, koulu tai päiväkoti.", "Till exempel adress, gata, skola eller daghem.",
        "For example an address, a street, a school or a day-care centre.");
    public static readonly Phrase FlagsHeading = new("Tarkistettavaa", "Att kontrollera", "To be checked");
    public static readonly Phrase FlagsIntro = new(
        "Ilmoitus otettiin vastaan näin, ja sosiaalityöntekijä tarkistaa nämä tiedot:",
        "Anmälan togs emot så här, och socialarbetaren kontrollerar dessa uppgifter:",
        "The notification was taken as it is, and the social worker checks these details:");
    public static readonly Phrase ChildName = new("Lapsen nimi", "Barnets namn", "Child's name");
    public static readonly Phrase ChildIdentityCode = new("Lapsen henkilötunnus", "Barnets personbeteckning", "Child's personal identity code");
    public static readonly Phrase ChildIdentityCodeHint = new(
        "Muodossa ppkkvvXnnnT, esimerkiksi 010115A1239. Jätä tyhjäksi, jos et tiedä.",
        "I formen ddmmååXnnnT, till exempel 010115A1239. Lämna tomt om du inte vet.",
        "As ddmmyyXnnnT, for example 010115A1239. Leave it empty if you do not know it.");
    public static readonly Phrase ChildDateOfBirth = new("Lapsen syntymäaika", "Barnets födelsedatum", "Child's date of birth");
    public static readonly Phrase ChildDateOfBirthHint = new(
        "Jos tiedät sen.",
        "Om du vet det.",
        "If you know it.");
    public static readonly Phrase ChildExpectedBirthDate = new("Laskettu aika", "Beräknad födelsedag", "Expected date of birth");
    public static readonly Phrase ChildExpectedBirthDateHint = new(
        "Vain ennakolliseen ilmoitukseen.",
        "Bara för en föregripande anmälan.",
        "Only for a pre-birth notification.");
    public static readonly Phrase ChildHomeMunicipality = new("Lapsen kotikunta", "Barnets hemkommun", "Child's home municipality");
    public static readonly Phrase ChildHomeMunicipalityHint = new(
        "Kunnan nimi, esimerkiksi Kuopio. Jos et tiedä, ilmoitus menee yhteiselle vastaanottotiimille, joka ohjaa sen eteenpäin.",
        "Kommunens namn, till exempel Kuopio. Om du inte vet går anmälan till det gemensamma mottagningsteamet, som skickar den vidare.",
        "The municipality's name, for example Kuopio. If you do not know it, the notification goes to the common intake team, which passes it on.");
    public static readonly Phrase ChildLanguage = new("Lapsen kieli", "Barnets språk", "Child's language");
    public static readonly Phrase ChildLanguageUnknown = new("En tiedä", "Vet inte", "Don't know");
    public static readonly Phrase ChildLanguageOther = new("Muu", "Annat", "Other");
    public static readonly Phrase GuardianLegend = new("Huoltaja", "Vårdnadshavare", "Guardian");
    public static readonly Phrase GuardianHint = new(
        "Jos tiedät, kuka lapsen huoltaja on.",
        "Om du vet vem som är barnets vårdnadshavare.",
        "If you know who the child's guardian is.");
    public static readonly Phrase GuardianName = new("Huoltajan nimi", "Vårdnadshavarens namn", "Guardian's name");
    public static readonly Phrase GuardianPhone = new("Huoltajan puhelinnumero", "Vårdnadshavarens telefonnummer", "Guardian's phone number");
    public static readonly Phrase GuardianEmail = new("Huoltajan sähköposti", "Vårdnadshavarens e-post", "Guardian's email");
    public static readonly Phrase GuardianAddress = new("Huoltajan osoite", "Vårdnadshavarens adress", "Guardian's address");
    public static readonly Phrase ConcernLegend = new("Huoli", "Oro", "Concern");
    public static readonly Phrase Concern = new("Mikä sinua huolettaa?", "Vad är du orolig för?", "What worries you?");
    public static readonly Phrase ConcernHint = new(
        "Kerro omin sanoin, mitä olet havainnut tai kuullut ja milloin.",
        "Berätta med egna ord vad du har sett eller hört och när.",
        "Describe in your own words what you have seen or heard, and when.");
    public static readonly Phrase ReasonsLegend = new("Huolen aiheet", "Orsaker till oro", "What the concern is about");
    public static readonly Phrase ReasonsHint = new(
        "Valitse kaikki sopivat (valinnainen).",
        "Välj alla som passar (frivilligt).",
        "Select all that apply (optional).");
    public static readonly Phrase UrgencyLegend = new("Kiireellisyys ja tilanne", "Brådska och situation", "Urgency and situation");
    public static readonly Phrase ImmediateDanger = new(
        "Lapsi on välittömässä vaarassa",
        "Barnet är i omedelbar fara",
        "The child is in immediate danger");
    public static readonly Phrase ImmediateDangerHint = new(
        "Ilmoitus ohjataan heti päivystävälle sosiaalityöntekijälle. Soita silti myös 112.",
        "Anmälan går genast till jourhavande socialarbetare. Ring ändå också 112.",
        "The notification goes at once to the social worker on call. Call 112 as well.");
    public static readonly Phrase OffenceSuspected = new(
        "Epäilen lapseen kohdistunutta seksuaalirikosta tai väkivaltaa",
        "Jag misstänker sexualbrott eller våld mot barnet",
        "I suspect a sexual offence or violence against the child");
    public static readonly Phrase OffenceSuspectedHint = new(
        "Ilmoitus menee heti päivystävälle sosiaalityöntekijälle. Ilmoitusvelvollinen tekee myös itse ilmoituksen poliisille (lastensuojelulaki 25 § 3 mom.); yksityishenkilön puolesta sosiaalityöntekijä harkitsee sitä.",
        "Anmälan går genast till jourhavande socialarbetare. Den som har anmälningsplikt gör också själv en anmälan till polisen (barnskyddslagen 25 § 3 mom.); för en privatperson överväger socialarbetaren saken.",
        "The notification goes at once to the social worker on call. A duty-bound notifier also reports to the police themselves (Child Welfare Act § 25(3)); for a private person, the social worker considers it.");
    public static readonly Phrase MadeTogetherWithFamily = new(
        "Teen ilmoituksen yhdessä lapsen tai huoltajan kanssa",
        "Jag gör anmälan tillsammans med barnet eller vårdnadshavaren",
        "I make this notification together with the child or a guardian");
    public static readonly Phrase FamilyInformed = new(
        "Onko lapselle tai huoltajalle kerrottu ilmoituksesta?",
        "Har barnet eller vårdnadshavaren fått veta om anmälan?",
        "Has the child or a guardian been told about the notification?");
    public static readonly Phrase FirstHandKnowledge = new(
        "Perustuuko tieto omiin havaintoihisi?",
        "Bygger uppgifterna på dina egna iakttagelser?",
        "Is what you tell based on what you saw or heard yourself?");
    public static readonly Phrase Yes = new("Kyllä", "Ja", "Yes");
    public static readonly Phrase No = new("Ei", "Nej", "No");
    public static readonly Phrase DontKnow = new("En tiedä", "Vet inte", "Don't know");
    public static readonly Phrase Send = new("Lähetä ilmoitus", "Skicka anmälan", "Send the notification");
    public static readonly Phrase ReceiptTitle = new("Ilmoitus on vastaanotettu", "Anmälan har tagits emot", "The notification has been received");
    public static readonly Phrase Reference = new("Viitenumero", "Referensnummer", "Case reference");
    public static readonly Phrase ReferenceHint = new(
        "Kirjoita viitenumero muistiin. Mainitse se, jos otat yhteyttä sosiaalipalveluihin tämän ilmoituksen vuoksi.",
        "Anteckna referensnumret. Nämn det om du kontaktar socialservicen om denna anmälan.",
        "Write down the reference. Mention it if you contact social services about this notification.");
    public static readonly Phrase NextHeading = new("Mitä seuraavaksi tapahtuu", "Vad händer härnäst", "What happens next");
    public static readonly Phrase NextUrgency = new(
        "Sosiaalityöntekijä arvioi heti, tarvitseeko lapsi kiireellisesti lastensuojelua.",
        "En socialarbetare bedömer genast om barnet är i brådskande behov av barnskydd.",
        "A social worker assesses at once whether the child urgently needs child protection.");
    public static readonly Phrase NextDecision = new(
        "Viimeistään seitsemäntenä arkipäivänä ({0}) sosiaalityöntekijä päättää, aloitetaanko palvelutarpeen arviointi, ja kertoo ilmoituksesta lapselle ja huoltajalle.",
        "Senast den sjunde vardagen ({0}) beslutar socialarbetaren om en bedömning av servicebehovet inleds och berättar om anmälan för barnet och vårdnadshavaren.",
        "By the 7th working day ({0}) the social worker decides whether to start a service-need assessment, and tells the child and the guardians about the notification.");
    public static readonly Phrase NextAssessment = new(
        "Jos arviointi aloitetaan, se valmistuu viimeistään kolmen kuukauden kuluttua ({0}).",
        "Om bedömningen inleds blir den klar senast tre månader efter anmälan ({0}).",
        "If the assessment is started, it is completed within 3 months ({0}).");
    public static readonly Phrase NextAfterBirth = new(
        "Lastensuojeluasia tulee vireille vasta lapsen synnyttyä (lastensuojelulaki 25 c §).",
        "Barnskyddsärendet inleds först när barnet har fötts (barnskyddslagen 25 c §).",
        "The child welfare case opens only once the child is born (Child Welfare Act § 25 c).");
    public static readonly Phrase NextDeadlinesFromBirth = new(
        "Määräajat alkavat syntymästä: viimeistään seitsemäntenä arkipäivänä syntymän jälkeen sosiaalityöntekijä päättää, aloitetaanko palvelutarpeen arviointi, ja arviointi valmistuu kolmen kuukauden kuluessa syntymästä.",
        "Tidsfristerna räknas från födseln: senast den sjunde vardagen efter födseln beslutar socialarbetaren om en bedömning av servicebehovet inleds, och bedömningen blir klar inom tre månader från födseln.",
        "The deadlines count from the birth: by the 7th working day after it the social worker decides whether to start a service-need assessment, and the assessment is completed within 3 months of the birth.");
    public static readonly Phrase NextContact = new(
        "Sosiaalityöntekijä ottaa sinuun yhteyttä antamiesi yhteystietojen kautta.",
        "Socialarbetaren kontaktar dig via de kontaktuppgifter du angav.",
        "The social worker will contact you through the contact details you gave.");
    public static readonly Phrase NextAnonymous = new(
        "Ilmoitit nimettömänä, joten sinuun ei oteta yhteyttä. Tee uusi ilmoitus, jos huoli jatkuu.",
        "Du anmälde anonymt, så du kontaktas inte. Gör en ny anmälan om oron fortsätter.",
        "You notified anonymously, so you will not be contacted. Notify again if the concern continues.");
    public static readonly Phrase TimelineCaption = new("Lakisääteiset määräajat", "Lagstadgade tidsfrister", "Statutory deadlines");
    public static readonly Phrase TimelineReceived = new("Ilmoitus vastaanotettu", "Anmälan mottagen", "Notification received");
    public static readonly Phrase TimelineDecision = new(
        "Päätös palvelutarpeen arvioinnin aloittamisesta viimeistään",
        "Beslut om att inleda bedömningen av servicebehovet senast",
        "Decision whether to start the service-need assessment, at the latest");
    public static readonly Phrase TimelineAssessment = new(
        "Palvelutarpeen arviointi valmis viimeistään",
        "Bedömningen av servicebehovet klar senast",
        "Service-need assessment completed, at the latest");
    public static readonly Phrase TimelineDecisionFromBirth = new(
        "7. arkipäivänä syntymän jälkeen",
        "Den 7:e vardagen efter födseln",
        "The 7th working day after the birth");
    public static readonly Phrase TimelineAssessmentFromBirth = new(
        "3 kuukauden kuluttua syntymästä",
        "3 månader efter födseln",
        "3 months after the birth");
    public static readonly Phrase DutyHeading = new("Ilmoitusvelvolliselle", "Till dig som har anmälningsplikt", "For duty-bound notifiers");
    public static readonly Phrase DutyWithoutDelay = new(
        "Ilmoitusvelvollisen on ilmoitettava viipymättä salassapitosäännösten estämättä (lastensuojelulaki 25 §). Tee uusi ilmoitus, jos tilanne jatkuu tai muuttuu.",
        "Den som har anmälningsplikt ska anmäla utan dröjsmål och trots sekretessbestämmelserna (barnskyddslagen 25 §). Gör en ny anmälan om situationen fortsätter eller förändras.",
        "A duty-bound notifier must notify without delay, notwithstanding confidentiality (Child Welfare Act § 25). Notify again if the situation continues or changes.");
    public static readonly Phrase DutyPoliceMay = new(
        "Voit lisäksi tehdä ilmoituksen poliisille.",
        "Du kan också göra en anmälan till polisen.",
        "You may also report to the police.");
    public static readonly Phrase DutyPoliceMust = new(
        "Koska epäilet seksuaalirikosta tai väkivaltaa lasta kohtaan, sinun on tehtävä myös ilmoitus poliisille (lastensuojelulaki 25 § 3 mom.).",
        "Eftersom du misstänker sexualbrott eller våld mot barnet ska du också göra en anmälan till polisen (barnskyddslagen 25 § 3 mom.).",
        "As you suspect a sexual offence or violence against the child, you must also report to the police (Child Welfare Act § 25(3)).");
    public static readonly Phrase DangerCall = new(
        "Ilmoitit, että lapsi on välittömässä vaarassa: soita heti hätänumeroon 112.",
        "Du angav att barnet är i omedelbar fara: ring genast nödnumret 112.",
        "You said the child is in immediate danger: call the emergency number 112 now.");
    public static readonly Phrase SentHeading = new("Lähettämäsi ilmoitus", "Anmälan du skickade", "What you sent");
    public static readonly Phrase NewNotification = new("Tee uusi ilmoitus", "Gör en ny anmälan", "Make a new notification");
    public static readonly Phrase TooManyTitle = new("Liian monta ilmoitusta", "För många anmälningar", "Too many notifications");
    public static readonly Phrase TooMany = new(
        "Tästä osoitteesta on lähetetty lyhyessä ajassa liian monta ilmoitusta. Ilmoitusta ei tallennettu. Yritä uudelleen {0} minuutin kuluttua. Jos lapsi on välittömässä vaarassa, soita 112.",
        "För många anmälningar har skickats från denna adress på kort tid. Anmälan sparades inte. Försök igen om {0} minuter. Om barnet är i omedelbar fara, ring 112.",
        "Too many notifications have been sent from this address in a short time. Nothing was stored. Try again in {0} minutes. If the child is in immediate danger, call 112.");
    public static readonly Phrase ExpiredTitle = new("Lomake on vanhentunut", "Formuläret har gått ut", "The form has expired");
    public static readonly Phrase Expired = new(
        "Lomakkeen tarkistus epäonnistui, joten ilmoitusta ei tallennettu. Avaa lomake uudelleen ja täytä se.",
        "Formuläret kunde inte kontrolleras, så anmälan sparades inte. Öppna formuläret på nytt och fyll i det.",
        "The form could not be verified, so nothing was stored. Open the form again and fill it in.");
    public static readonly Phrase AlreadySentTitle = new("Lomake on jo lähetetty", "Formuläret har redan skickats", "This form was already sent");
    public static readonly Phrase AlreadySent = new(
        "Tämä lomake on jo lähetetty, eikä muutettua ilmoitusta tallennettu. Jos haluat tehdä uuden ilmoituksen, avaa uusi lomake.",
        "Detta formulär har redan skickats och den ändrade anmälan sparades inte. Öppna ett nytt formulär om du vill göra en ny anmälan.",
        "This form was already sent, and the changed notification was not stored. Open a new form to make a new notification.");
    public static readonly Phrase BadRequestTitle = new(
        "Ilmoitusta ei voitu käsitellä",
        "Anmälan kunde inte behandlas",
        "The notification could not be processed");
    public static readonly Phrase BadRequest = new(
        "Ilmoitusta ei tallennettu. Avaa lomake uudelleen ja lähetä se.",
        "Anmälan sparades inte. Öppna formuläret på nytt och skicka det.",
        "Nothing was stored. Open the form again and send it.");
    public static readonly Phrase BackToForm = new("Avaa ilmoituslomake", "Öppna anmälningsformuläret", "Open the notification form");
}
