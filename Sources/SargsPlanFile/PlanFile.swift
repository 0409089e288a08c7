import SargsCore
