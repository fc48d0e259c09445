import ParcoursImport
import ParcoursStore

extension SourceFile {
    /// The file at `path`, hashed; a file that cannot be read is an ``ImportFailure`` naming it,
    /// so that the problem is told in the user's language like every other import problem.
    static func reading(_ path: String) throws -> SourceFile {
        do {
            return try SourceFile(path: path)
        } catch {
            throw ImportFailure(problems: [
                ImportProblem(
                    file: path, line: 0, column: nil, messageFR: "fichier introuvable ou illisible",
                    messageEN: "file missing or unreadable")
            ])
        }
    }
}
