import Foundation
import ParcoursStore
import Testing

/// Uploads staged in the database for their import job, on every backend.
@Suite struct StagedUploadStoreTests {
    @Test(arguments: Backend.available)
    func anUploadComesBackByteForByteUntilDiscarded(backend: Backend) async throws {
        let store = try await backend.makeStore()
        // Every byte value, NUL and invalid UTF-8 included, and a second upload beside it.
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let first = try await store.stageUpload(bytes)
        let second = try await store.stageUpload(Data("<catalogue/>".utf8))
        #expect(first != second)
        #expect(try await store.stagedUpload(id: first) == bytes)
        #expect(try await store.stagedUploadCount() == 2)
        try await store.discardStagedUpload(id: first)
        #expect(try await store.stagedUpload(id: first) == nil)
        try await store.discardStagedUpload(id: first)  // gone already: nothing happens
        #expect(try await store.stagedUpload(id: second) == Data("<catalogue/>".utf8))
        #expect(try await store.stagedUploadCount() == 1)
    }
}
