#!/usr/bin/python3
"""cutfs: a FUSE filesystem that models a power cut. Unmounting it IS the cut.

    /usr/bin/python3 cutfs.py STORE MOUNTPOINT

The model is ext4's (data=ordered, as on the appliance's SD card), taken pessimistically:
- file data is durable only once that file is fsynced (fsync or fdatasync); until then writes
  live in this process's memory and are lost at the cut;
- names (create, rename, unlink, link, mkdir, rmdir) are journaled in order; every fsync of any
  file or folder commits the journal, so the names as they stood at the last fsync survive;
- at unmount, whatever was not durable is dropped and the durable state is written to STORE, where
  the next mount starts from.
The kernel's page cache cannot hide a lost write: it lives in the kernel's view of this mount and
goes with the unmount. STORE/cuts.jsonl gets one line per cut: what the mount did and what it lost.
"""
import errno
import json
import os
import stat
import sys
import threading
import time

try:
    from fusepy import FUSE, FuseOSError, Operations  # Debian's python3-fusepy
except ImportError:  # pragma: no cover - the upstream module name
    from fuse import FUSE, FuseOSError, Operations


class Inode:
    __slots__ = ('ino', 'is_dir', 'mode', 'size', 'synced_size', 'floor', 'overlay')

    def __init__(self, ino, is_dir, mode, size=0):
        self.ino = ino
        self.is_dir = is_dir
        self.mode = mode
        self.size = size              # live size
        self.synced_size = size       # size on the backing file (durable)
        self.floor = size             # the backing file's bytes beyond this are no longer visible
        self.overlay = []             # unsynced writes, in order: (offset, bytes)


class CutFs(Operations):
    use_ns = True

    def __init__(self, store):
        self.store = store
        self.data = os.path.join(store, 'data')
        os.makedirs(self.data, exist_ok=True)
        self.mutex = threading.RLock()
        self.stats = {'fsyncs': 0, 'renames': 0, 'tables_created': 0, 'lost_bytes': 0, 'lost_names': 0}
        state_path = os.path.join(store, 'state.json')
        if os.path.exists(state_path):
            with open(state_path) as f:
                state = json.load(f)
            self.next_ino = state['next_ino']
            self.inodes = {int(k): Inode(int(k), v['dir'], v['mode'], v['size']) for k, v in state['inodes'].items()}
            self.tree = {p: int(i) for p, i in state['tree'].items()}
        else:
            self.next_ino = 2
            self.inodes = {1: Inode(1, True, stat.S_IFDIR | 0o755)}
            self.tree = {'/': 1}
        self.durable_tree = dict(self.tree)

    # -- the model ---------------------------------------------------------------------------
    def _backing(self, ino):
        return os.path.join(self.data, str(ino))

    def _node(self, path, fh=None):
        ino = fh if fh else self.tree.get(path)
        if ino is None or ino not in self.inodes:
            raise FuseOSError(errno.ENOENT)
        return self.inodes[ino]

    def _commit(self):
        """A journal commit: every name change so far is durable."""
        self.durable_tree = dict(self.tree)

    def _sync_data(self, node):
        if node.is_dir:
            return
        with open(self._backing(node.ino), 'r+b') as f:
            f.truncate(node.floor)
            for offset, chunk in node.overlay:
                f.seek(offset)
                f.write(chunk)
            f.truncate(node.size)
        node.overlay = []
        node.synced_size = node.size
        node.floor = node.size

    def cut(self):
        """The power cut: unsynced data and uncommitted names are gone; the rest goes to STORE."""
        lost_names = sum(1 for p, i in self.tree.items() if self.durable_tree.get(p) != i)
        lost_names += sum(1 for p in self.durable_tree if p not in self.tree)
        self.stats['lost_names'] += lost_names
        for node in self.inodes.values():
            self.stats['lost_bytes'] += sum(len(c) for _, c in node.overlay)
            node.overlay = []
            node.size = node.synced_size
            node.floor = node.synced_size
        live = set(self.durable_tree.values())
        for ino in list(self.inodes):
            if ino not in live:
                del self.inodes[ino]
                if os.path.exists(self._backing(ino)):
                    os.unlink(self._backing(ino))
        state = {
            'next_ino': self.next_ino, 'tree': self.durable_tree,
            'inodes': {str(i): {'dir': n.is_dir, 'mode': n.mode, 'size': n.size} for i, n in self.inodes.items()},
        }
        tmp = os.path.join(self.store, 'state.json.tmp')
        with open(tmp, 'w') as f:
            json.dump(state, f)
        os.replace(tmp, os.path.join(self.store, 'state.json'))
        with open(os.path.join(self.store, 'cuts.jsonl'), 'a') as f:
            f.write(json.dumps(self.stats) + '\n')

    def _new(self, path, is_dir, mode):
        parent = os.path.dirname(path)
        if parent not in self.tree or not self.inodes[self.tree[parent]].is_dir:
            raise FuseOSError(errno.ENOENT)
        if path in self.tree:
            raise FuseOSError(errno.EEXIST)
        ino = self.next_ino
        self.next_ino += 1
        self.inodes[ino] = Inode(ino, is_dir, (stat.S_IFDIR if is_dir else stat.S_IFREG) | (mode & 0o7777))
        if not is_dir:
            open(self._backing(ino), 'wb').close()
            if path.endswith('.ldb'):
                self.stats['tables_created'] += 1
        self.tree[path] = ino
        return ino

    def _children(self, path):
        prefix = path.rstrip('/') + '/'
        return [p for p in self.tree if p != '/' and p.startswith(prefix) and '/' not in p[len(prefix):]]

    # -- FUSE operations ---------------------------------------------------------------------
    def destroy(self, path):
        with self.mutex:
            self.cut()

    def getattr(self, path, fh=None):
        with self.mutex:
            node = self._node(path, fh)
            now = int(time.time() * 1e9)
            links = sum(1 for i in self.tree.values() if i == node.ino) if not node.is_dir else 2
            return {'st_mode': node.mode, 'st_size': node.size, 'st_nlink': max(links, 1), 'st_ino': node.ino,
                    'st_uid': os.getuid(), 'st_gid': os.getgid(), 'st_atime': now, 'st_mtime': now, 'st_ctime': now,
                    'st_blocks': (node.size + 511) // 512}

    def readdir(self, path, fh):
        with self.mutex:
            return ['.', '..'] + [os.path.basename(p) for p in self._children(path)]

    def statfs(self, path):
        return {'f_bsize': 4096, 'f_frsize': 4096, 'f_blocks': 1 << 24, 'f_bfree': 1 << 23, 'f_bavail': 1 << 23,
                'f_files': 1 << 20, 'f_ffree': 1 << 19, 'f_namemax': 255}

    def mkdir(self, path, mode):
        with self.mutex:
            self._new(path, True, mode)

    def rmdir(self, path):
        with self.mutex:
            if self._children(path):
                raise FuseOSError(errno.ENOTEMPTY)
            self._node(path)
            del self.tree[path]

    def create(self, path, mode, fi=None):
        with self.mutex:
            return self._new(path, False, mode)

    def open(self, path, flags):
        with self.mutex:
            return self._node(path).ino

    def chmod(self, path, mode):
        with self.mutex:
            node = self._node(path)
            node.mode = (node.mode & ~0o7777) | (mode & 0o7777)

    def utimens(self, path, times=None):
        return 0

    def read(self, path, size, offset, fh):
        with self.mutex:
            node = self._node(path, fh)
            end = min(offset + size, node.size)
            if end <= offset:
                return b''
            out = bytearray(end - offset)
            visible = min(end, node.floor)
            if visible > offset:
                with open(self._backing(node.ino), 'rb') as f:
                    f.seek(offset)
                    chunk = f.read(visible - offset)
                out[0:len(chunk)] = chunk
            for at, chunk in node.overlay:
                lo, hi = max(at, offset), min(at + len(chunk), end)
                if lo < hi:
                    out[lo - offset:hi - offset] = chunk[lo - at:hi - at]
            return bytes(out)

    def write(self, path, data, offset, fh):
        with self.mutex:
            node = self._node(path, fh)
            node.overlay.append((offset, bytes(data)))
            node.size = max(node.size, offset + len(data))
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            node = self._node(path, fh)
            node.size = length
            node.floor = min(node.floor, length)
            node.overlay = [(at, c[:length - at]) for at, c in node.overlay if at < length]

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self.stats['fsyncs'] += 1
            self._sync_data(self._node(path, fh))
            self._commit()

    def fsyncdir(self, path, datasync, fh):
        with self.mutex:
            self.stats['fsyncs'] += 1
            self._commit()

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return 0

    def unlink(self, path):
        with self.mutex:
            self._node(path)
            del self.tree[path]

    def link(self, target, source):
        with self.mutex:
            node = self._node(source)
            if target in self.tree:
                raise FuseOSError(errno.EEXIST)
            self.tree[target] = node.ino

    def rename(self, old, new):
        with self.mutex:
            node = self._node(old)
            self.stats['renames'] += 1
            if new in self.tree and self.inodes[self.tree[new]].is_dir and self._children(new):
                raise FuseOSError(errno.ENOTEMPTY)
            moved = {old: new}
            if node.is_dir:
                prefix = old.rstrip('/') + '/'
                for p in list(self.tree):
                    if p.startswith(prefix):
                        moved[p] = new.rstrip('/') + '/' + p[len(prefix):]
            for src, dst in moved.items():
                self.tree[dst] = self.tree.pop(src)


if __name__ == '__main__':
    store, mountpoint = sys.argv[1], sys.argv[2]
    FUSE(CutFs(store), mountpoint, foreground=True, nothreads=False, fsname='cutfs')
