package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the local filesystem store. */
class FileSystemPhotoStorageContractTests extends PhotoStorageContract {

    @TempDir
    static Path folder;

    private static FileSystemPhotoStorage storage;

    @Override
    protected PhotoStorage storage() {
        if (storage == null) {
            storage = new FileSystemPhotoStorage(folder);
        }
        return storage;
    }

    @Override
    protected int listPageSize() {
        return 0;
    }
}
