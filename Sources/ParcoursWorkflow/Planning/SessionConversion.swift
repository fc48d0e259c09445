import ParcoursModel

/// Turns the sessions of one catalogue course into planner sessions, by the rules of
/// ``PlannableCatalogue``.
struct SessionConversion {
    enum Outcome {
        case plannable(TrainingSession, notes: [SessionNote])
        case excluded([SessionExclusion])
    }

    let course: CatalogueCourse
    let courseID: String
    /// The standard VAT rate of the provider's country; nil when the country is unknown.
    let vatRate: Double?
    let defaultSchedule: [DailySlot]
    let planningDate: CalendarDay

    /// The course as the planner takes it.
    var plannerCourse: Course {
        Course(
            id: courseID, providerID: course.providerID, title: course.title, objectives: course.objectives,
            content: course.content, competences: course.competences, hours: course.hours, price: course.price,
            format: course.format, language: course.language)
    }

    func convert(_ session: CatalogueSession, id: String) -> Outcome {
        var reasons: [SessionExclusion] = []
        var notes: [SessionNote] = []
        if course.competences.isEmpty { reasons.append(.noCompetence) }
        let days = self.days(of: session, reasons: &reasons, notes: &notes)
        let place = self.place(of: session, reasons: &reasons)
        let seats = self.seats(of: session, reasons: &reasons)
        let costs = self.costs(of: session, reasons: &reasons, notes: &notes)
        guard reasons.isEmpty, let days, let place, let seats, let costs else { return .excluded(reasons) }
        return .plannable(
            TrainingSession(
                id: id, courseID: courseID, days: days, venue: place.venue, minimumSeats: seats.minimum,
                maximumSeats: seats.maximum, fixedCost: costs.fixed, seatCost: costs.seat,
                equipmentProvided: Set(session.equipmentProvided), equipmentRequired: Set(session.equipmentRequired),
                eligibleStatuses: Set(session.eligibleStatuses), registration: registration(of: session)),
            notes: notes)
    }

    // MARK: Days

    /// One ``SessionDay`` per time slot of each session day; nil (with a reason) when the days are not known.
    private func days(
        of session: CatalogueSession, reasons: inout [SessionExclusion], notes: inout [SessionNote]
    ) -> [SessionDay]? {
        guard let first = session.start.calendarDay, let last = session.end.calendarDay else {
            if session.start.precision == .unknown || session.end.precision == .unknown {
                reasons.append(.unknownDates)
            } else {
                reasons.append(.monthOnly(start: session.start.iso, end: session.end.iso))
            }
            return nil
        }
        guard first <= last else {
            reasons.append(.endsBeforeStart(start: first, end: last))
            return nil
        }
        if first < planningDate { reasons.append(.startsBeforePlanningDate(start: first, planningDate: planningDate)) }
        let period = (first.dayNumber...last.dayNumber).map(CalendarDay.init(dayNumber:)).filter {
            $0 == first || $0 == last || $0.weekday < .saturday
        }
        var slots = session.schedule
        if slots.isEmpty {
            notes.append(.defaultSchedule)
            slots = defaultSchedule
            if period.count == 1, let hours = course.hours, hours > 0 {
                slots = Self.firstMinutes(max(1, Int((hours * 60).rounded())), of: slots)
            }
        }
        let dailyMinutes = slots.map(\.minutes).reduce(0, +)
        if let hours = course.hours, hours > 0 {
            let needed = Int((hours * 60 / Double(dailyMinutes)).rounded(.up))
            if period.count > needed {
                reasons.append(
                    .daysNotGiven(workingDays: period.count, courseHours: hours, dailyHours: Double(dailyMinutes) / 60))
                return nil
            }
        }
        return period.flatMap { day in
            slots.map { SessionDay(day: day, startMinute: $0.startMinute, endMinute: $0.endMinute) }
        }
    }

    /// The first `minutes` of `slots`, in order.
    private static func firstMinutes(_ minutes: Int, of slots: [DailySlot]) -> [DailySlot] {
        var remaining = minutes
        var kept: [DailySlot] = []
        for slot in slots where remaining > 0 {
            let length = min(slot.minutes, remaining)
            kept.append(DailySlot(startMinute: slot.startMinute, endMinute: slot.startMinute + length))
            remaining -= length
        }
        return kept
    }

    /// The registration period: from its first day (the start of its month when only the month is
    /// given; the planning date, or the close if earlier, when not given) to its last day (the end of its
    /// month when only the month is given). Nil when the closing date is not given.
    private func registration(of session: CatalogueSession) -> DayRange? {
        guard let close = session.registrationEnd.flatMap(Self.lastDay) else { return nil }
        let open = session.registrationStart.flatMap(Self.firstDay) ?? min(planningDate, close)
        return DayRange(first: min(open, close), last: close)
    }

    private static func firstDay(_ date: SourceDate) -> CalendarDay? {
        guard let year = date.year, let month = date.month else { return nil }
        return CalendarDay(year: year, month: month, day: date.day ?? 1)
    }

    private static func lastDay(_ date: SourceDate) -> CalendarDay? {
        guard let year = date.year, let month = date.month else { return nil }
        return CalendarDay(year: year, month: month, day: date.day ?? CalendarDay.daysIn(month: month, year: year))
    }

    // MARK: Venue, seats, costs

    /// Where a session takes place.
    private enum Place {
        case remote
        case venue(Venue)

        var venue: Venue? {
            if case .venue(let venue) = self { return venue }
            return nil
        }
    }

    /// The venue of an on-site or hybrid session, or remote; nil with a reason when the place has no
    /// coordinate.
    private func place(of session: CatalogueSession, reasons: inout [SessionExclusion]) -> Place? {
        guard session.format != .remote else { return .remote }
        guard let place = session.venue, let coordinate = place.coordinate else {
            reasons.append(.venueWithoutCoordinate(address: session.venue?.address))
            return nil
        }
        return .venue(
            Venue(
                name: place.name ?? place.city ?? place.address, address: place.address,
                communeCode: place.communeCode, coordinate: coordinate))
    }

    private func seats(
        of session: CatalogueSession, reasons: inout [SessionExclusion]
    ) -> (minimum: Int, maximum: Int)? {
        guard let maximum = session.maximumSeats else {
            reasons.append(.capacityUnknown)
            return nil
        }
        let minimum = session.minimumSeats ?? 1
        guard minimum <= maximum else {
            reasons.append(.minimumAboveMaximum(minimum: minimum, maximum: maximum))
            return nil
        }
        return (minimum, maximum)
    }

    private func costs(
        of session: CatalogueSession, reasons: inout [SessionExclusion], notes: inout [SessionNote]
    ) -> (fixed: Double, seat: Double)? {
        if session.fixedCost != nil || session.seatCost != nil {
            return (session.fixedCost ?? 0, session.seatCost ?? 0)
        }
        guard let price = course.price else {
            reasons.append(.costUnknown)
            return nil
        }
        switch price.vat {
        case .exclusive, .exempt:
            return (0, price.amount)
        case .inclusive:
            guard let vatRate else {
                notes.append(.vatRateUnknown)
                return (0, price.amount)
            }
            notes.append(.vatRemoved(rate: vatRate))
            return (0, price.amount / (1 + vatRate))
        case .unknown:
            notes.append(.vatStatusUnknown)
            return (0, price.amount)
        }
    }
}
