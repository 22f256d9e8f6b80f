/// Reads a phase's `container` section.
enum ContainerPhaseSpecReader {
    private static let keys: Set = ["layout", "inputs", "outputs", "scored-output", "limits", "logs", "gpus", "runtime"]
    private static let limitKeys: Set = [
        "case-time", "run-time", "memory", "cpus", "processes", "output-size", "image-size", "tmp-size",
    ]

    /// `task`: what the phase scores, which decides the kind of the scored output (nil when the task did not parse).
    static func read(_ field: YAMLField, task: TaskKind?, hasPrivateSplit: Bool, _ reader: inout SpecReader) -> ContainerPhaseSpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: keys)
        let issuesBefore = reader.issues.count
        let layout = reader.choice(field.child("layout"), as: ContainerLayout.self)
        let inputs = readInterfaces(field.child("inputs"), required: true, &reader)
        let outputsField = field.child("outputs")
        let scoredField = field.child("scored-output")
        var outputs: [ContainerInterface] = []
        var scored: String?
        switch layout {
        case .perCase?:
            outputs = readInterfaces(outputsField, required: true, &reader) ?? []
            scored = reader.string(scoredField)
            if let scored, !outputs.isEmpty {
                if let interface = outputs.first(where: { $0.slug == scored }) {
                    if let task, interface.kind != scoredKind(for: task) {
                        reader.report(scoredField.issue(
                            "a \(task.rawValue) phase scores a per-case \(scoredKind(for: task).rawValue), and \"\(scored)\" is a \(interface.kind.rawValue)"))
                    }
                } else {
                    reader.report(scoredField.issue("\"\(scored)\" is not among the outputs: \(outputs.map(\.slug).joined(separator: ", "))"))
                }
            }
        case .wholeSet?:
            for extra in [outputsField, scoredField] where extra.isPresent {
                reader.report(extra.issue("the whole-set layout writes the phase's prediction file to /output; remove this key"))
            }
        case nil:
            break
        }
        if let inputs, let input = inputs.first(where: { input in outputs.contains { $0.slug == input.slug } }) {
            reader.report(field.child("outputs").issue("\"\(input.slug)\" is both an input and an output"))
        }
        let limits = readLimits(field.child("limits"), &reader)
        let logsField = field.child("logs")
        let logs = reader.choice(logsField, as: LogVisibility.self, required: false) ?? .organisers
        if logs == .team, hasPrivateSplit {
            reader.report(logsField.issue("a phase with a private split keeps its containers' logs for organisers: a container can print the hidden data it reads"))
        }
        let gpus = reader.integer(field.child("gpus"), required: false, minimum: 0) ?? 0
        let runtime = readRuntime(field.child("runtime"), &reader)
        guard reader.issues.count == issuesBefore, let layout, let inputs, let limits else { return nil }
        return ContainerPhaseSpec(layout: layout, inputs: inputs, outputs: outputs, scoredOutput: scored, limits: limits,
                                  logs: logs, gpus: gpus, runtime: runtime)
    }

    /// What a per-case output must be for the phase's prediction file to be gathered from it: a value per case
    /// becomes a CSV row, an image per case a file of the prediction archive.
    static func scoredKind(for task: TaskKind) -> ContainerInterface.Kind {
        task == .slideClassification ? .value : .image
    }

    /// A mapping of interface slug to kind, in file order.
    private static func readInterfaces(_ field: YAMLField, required: Bool, _ reader: inout SpecReader) -> [ContainerInterface]? {
        guard field.isPresent || required else { return [] }
        guard reader.requireMapping(field) else { return nil }
        var interfaces: [ContainerInterface] = []
        var complete = true
        for (key, _) in field.keys {
            let entry = field.child(key)
            guard ChallengeSpecParser.isSlug(key) else {
                reader.report(entry.issue("\"\(key)\" is not an interface slug: use 2 to 64 lowercase letters, digits and inner hyphens"))
                complete = false
                continue
            }
            guard let kind = reader.choice(entry, as: ContainerInterface.Kind.self) else { complete = false; continue }
            interfaces.append(ContainerInterface(slug: key, kind: kind))
        }
        if interfaces.isEmpty, complete {
            reader.report(field.issue("expected at least one interface, such as `transverse-t2-prostate-mri: image`"))
            return nil
        }
        return complete ? interfaces : nil
    }

    private static func readLimits(_ field: YAMLField, _ reader: inout SpecReader) -> ContainerRunLimits? {
        let standard = ContainerRunLimits.standard
        guard field.isPresent else { return standard }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: limitKeys)
        let issuesBefore = reader.issues.count
        let caseField = field.child("case-time")
        let givenCase = reader.duration(caseField, required: false)
        let givenRun = reader.duration(field.child("run-time"), required: false)
        // An unstated limit follows the stated one: a case never gets longer than the run, nor the run shorter.
        let caseSeconds = givenCase ?? min(standard.caseSeconds, givenRun ?? standard.caseSeconds)
        let runSeconds = givenRun ?? max(standard.runSeconds, caseSeconds)
        if caseSeconds > runSeconds {
            reader.report(caseField.issue("a case's time (\(caseSeconds) s) cannot exceed the run's (\(runSeconds) s)"))
        }
        var cpus = standard.cpus
        let cpusField = field.child("cpus")
        if cpusField.isPresent, let value = reader.number(cpusField) {
            if value > 0, value <= 256 { cpus = value } else {
                reader.report(cpusField.issue("expected a number of CPUs above 0 and at most 256, got \(value)"))
            }
        }
        let processes = reader.integer(field.child("processes"), required: false, minimum: 1) ?? standard.processes
        let memory = size(field.child("memory"), standard.memoryBytes, minimum: 6 << 20, &reader)
        let output = size(field.child("output-size"), standard.outputBytes, minimum: 1, &reader)
        let image = size(field.child("image-size"), standard.imageBytes, minimum: 1, &reader)
        let tmp = size(field.child("tmp-size"), standard.tmpBytes, minimum: 1, &reader)
        guard reader.issues.count == issuesBefore else { return nil }
        return ContainerRunLimits(caseSeconds: caseSeconds, runSeconds: runSeconds, memoryBytes: memory, cpus: cpus,
                                  processes: processes, outputBytes: output, imageBytes: image, tmpBytes: tmp)
    }

    private static func size(_ field: YAMLField, _ standard: Int, minimum: Int, _ reader: inout SpecReader) -> Int {
        guard let text = reader.string(field, required: false) else { return standard }
        guard let bytes = SubmissionLimits.parseBytes(text) else {
            reader.report(field.issue("expected a size such as 512MB or 4GB, at most 1024GB, got \"\(text)\""))
            return standard
        }
        guard bytes >= minimum else {
            reader.report(field.issue("expected at least \(minimum) bytes, got \(bytes)"))
            return standard
        }
        return bytes
    }

    private static func readRuntime(_ field: YAMLField, _ reader: inout SpecReader) -> ContainerRuntime? {
        guard field.isPresent else { return nil }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["image", "command"])
        let image = reader.string(field.child("image"))
        let commandField = field.child("command")
        let command = (reader.sequence(commandField) ?? []).compactMap { reader.string($0) }
        if commandField.isPresent, command.isEmpty {
            reader.report(commandField.issue("expected the entry command, such as [python, /code/main.py]"))
        }
        guard let image, !command.isEmpty else { return nil }
        return ContainerRuntime(image: image, command: command)
    }
}
