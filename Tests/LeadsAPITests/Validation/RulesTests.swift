import LeadsAPI
import Testing

@Suite struct RulesTests {
    static let goodLead: [String: String] = [
        "first_name": "Ana", "last_name": "Souza", "email": "ana@example.com", "phone": "+351912345678",
        "location": "Lisbon", "message": "Wants a demo", "assignee": "demo", "status": "prospect", "source": "website",
    ]

    func lead(_ changes: [String: String?]) -> FieldErrors {
        var form = Self.goodLead
        for (key, value) in changes { form[key] = value }
        return Rules.lead(form, requireSlug: false)
    }

    @Test func aCompleteLeadPasses() {
        #expect(Rules.lead(Self.goodLead, requireSlug: false).isEmpty)
        #expect(Rules.lead(Self.goodLead, requireSlug: true)["slug"] == [Messages.required])
    }

    @Test(arguments: ["first_name", "last_name", "email", "phone", "location", "message", "assignee"])
    func everyRequiredFieldIsNamed(_ field: String) {
        #expect(lead([field: nil])[field] == ["This field is required."])
        #expect(lead([field: "  "])[field] == ["This field may not be blank."])
        #expect(lead([field: nil]).fields == [field])
    }

    @Test(arguments: ["first_name", "last_name", "location", "message"])
    func lengthsAreCountedInCodePoints(_ field: String) {
        let limit = String(repeating: "é", count: 255)
        #expect(lead([field: limit])[field].isEmpty)
        #expect(lead([field: "é" + limit])[field] == ["Ensure this field has no more than 255 characters."])
    }

    @Test func anOverlongEmailIsTooLongBeforeItIsMalformed() {
        let email = "ana@" + String(repeating: "a", count: 248) + ".com"
        #expect(email.count == 256)
        #expect(lead(["email": email])["email"] == ["Ensure this field has no more than 255 characters."])
    }

    @Test(arguments: [("ana@example.com", true), ("a.b+c@sub.example.co", true), ("josé@exämple.de", true),
                      ("ana", false), ("ana@", false), ("@example.com", false), ("ana@example", false),
                      ("ana@@example.com", false), ("an a@example.com", false), ("ana@-bad.com", false), ("ana@example.c", false)])
    func emailShape(_ email: String, _ valid: Bool) {
        #expect(Rules.isValidEmail(email) == valid)
        #expect(lead(["email": email])["email"] == (valid ? [] : ["Invalid email."]))
    }

    @Test(arguments: [("999999999", true), ("+441234567890", true), ("123456789012345", true),
                      ("12345678", false), ("1234567890123456", false), ("+1 555 123 4567", false), ("555-1234567", false), ("١٢٣٤٥٦٧٨٩", false)])
    func phoneShape(_ phone: String, _ valid: Bool) {
        #expect(Rules.isValidPhone(phone) == valid)
        #expect(lead(["phone": phone])["phone"] == (valid ? [] : [Messages.invalidPhone]))
    }

    @Test func choicesAreTheDocumentsOnes() {
        #expect(lead(["status": "won"])["status"] == ["\"won\" is not a valid choice."])
        #expect(lead(["source": "tiktok"])["source"] == ["\"tiktok\" is not a valid choice."])
        #expect(lead(["status": nil, "source": nil]).isEmpty)
        for status in ["prospect", "tentative", "potential", "closed", "contact", "customer"] { #expect(lead(["status": status]).isEmpty) }
    }

    @Test func appointmentCreateRules() {
        let good = ["slug": "ana-1", "appointment_date": "2026-12-01 10:00", "appointment_to": "2026-12-01 10:30"]
        #expect(Rules.appointmentCreate(good).isEmpty)
        #expect(Rules.appointmentCreate([:]).fields == ["slug", "appointment_date", "appointment_to"])
        #expect(Rules.appointmentCreate(good.merging(["slug": ""]) { $1 })["slug"] == ["This field is may not be blank."])
        #expect(Rules.appointmentCreate(good.merging(["appointment_date": "tomorrow"]) { $1 })["appointment_date"] == ["Invalid date format."])
        #expect(Rules.appointmentCreate(good.merging(["appointment_to": "2026-12-01"]) { $1 })["appointment_to"] == ["Invalid date format."])
        #expect(Rules.appointmentCreate(good.merging(["appointment_note": String(repeating: "x", count: 201)]) { $1 })["appointment_note"]
                == ["Ensure this field has no more than 200 characters."])
        #expect(Rules.appointmentCreate(good.merging(["appointment_note": String(repeating: "x", count: 200)]) { $1 }).isEmpty)
        #expect(Rules.appointmentCreate(good.merging(["appointment_status": "fulfilled"]) { $1 })["appointment_status"] == ["Invalid appointment status."])
        #expect(Rules.appointmentCreate(good.merging(["appointment_status": "fullfilled"]) { $1 }).isEmpty)
    }

    @Test func appointmentOrder() {
        #expect(Rules.appointmentOrder(from: "2026-12-01 10:00", to: "2026-12-01 09:59") == "End Date Can't be prior to Start Date.")
        #expect(Rules.appointmentOrder(from: "2026-12-01 10:00", to: "2026-12-01 10:00") == nil)
        #expect(Rules.appointmentOrder(from: "2026-12-31 23:30", to: "2027-01-01 00:15") == nil)
    }

    @Test func appointmentUpdateNeedsOnlyAValidID() {
        #expect(Rules.appointmentUpdate(["appointment_id": "7"]).isEmpty)
        #expect(Rules.appointmentUpdate([:])["appointment_id"] == ["This field is required."])
        #expect(Rules.appointmentUpdate(["appointment_id": "seven"])["appointment_id"] == ["Invalid appointment id."])
        #expect(Rules.appointmentUpdate(["appointment_id": "7", "appointment_date": "2026-12-01 10-00"]).isEmpty)
        #expect(Rules.appointmentUpdate(["appointment_id": "7", "slug": " "])["slug"] == ["This field is may not be blank."])
    }

    @Test func notes() {
        #expect(Rules.noteCreate(["slug": "a", "note": String(repeating: "n", count: 499)]).isEmpty)
        #expect(Rules.noteCreate(["slug": "a", "note": String(repeating: "n", count: 500)])["note"] == ["Ensure this field has no more than 499 characters."])
        #expect(Rules.noteCreate([:]).fields == ["slug", "note"])
        #expect(Rules.noteDelete(["note_id": "x"])["note_id"] == ["Invalid note id."])
        #expect(Rules.noteDelete(["note_id": "12"]).isEmpty)
    }

    @Test func filterQueryRules() {
        #expect(AppointmentQuery(dateSetting: .on, onDate: "11/28/2026").validate().isEmpty)
        #expect(AppointmentQuery(dateSetting: .on).validate()["ondate"] == [Messages.onDateRequired])
        #expect(AppointmentQuery(dateSetting: .before, onDate: "2026-11-28").validate()["ondate"] == [Messages.invalidFilterDate])
        #expect(AppointmentQuery(status: "done").validate()["status"] == [Messages.invalidAppointmentStatus])
    }
}
