package pairwrite

import (
	"errors"
	"io/fs"
	"os"
)

// OSCause says in Chinese why the operating system refused a file
// operation, and what to do, without the path of the hidden temporary the
// system names: the caller names the real file. A cause it does not know
// is said as the system's own words after 操作系统报告.
func OSCause(err error) string {
	inner := innermost(err)
	switch {
	case diskFull(inner):
		return "磁盘空间已满：请腾出空间，或用 -o 换一个空间足够的输出文件夹，再重新运行"
	case quotaFull(inner):
		return "磁盘配额已用完：请删去不用的文件或请管理员增加配额，再重新运行"
	case readOnly(inner):
		return "所在磁盘或共享文件夹是只读的：请用 -o 换一个可以写入的输出文件夹"
	case errors.Is(inner, fs.ErrPermission):
		return "没有写入权限：请用 -o 换一个自己的文件夹，或请管理员开放此文件夹的写入权限"
	case errors.Is(inner, fs.ErrNotExist):
		return "文件夹不存在或已被移走、删除：请确认输出文件夹后重新运行"
	case nameTooLong(inner):
		return "文件名过长：请把输入文件改一个短一些的名字"
	case ioError(inner):
		return "磁盘读写出错：请检查磁盘或网络共享是否正常，再重新运行"
	case isEscape(err):
		return "文件夹中的链接指向输出文件夹之外，已拒绝：请删去该链接"
	}
	return "操作系统报告：" + inner.Error()
}

// innermost is the system's own error inside the path errors wrapping it
// (os.Root's MkdirAll wraps one in another).
func innermost(err error) error {
	for {
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(err, &pe) && pe.Err != nil:
			err = pe.Err
		case errors.As(err, &le) && le.Err != nil:
			err = le.Err
		default:
			return err
		}
	}
}

// isEscape tells whether an os.Root refused a path leading out of its
// folder (a link planted in it).
func isEscape(err error) bool {
	return innermost(err).Error() == "path escapes from parent"
}
