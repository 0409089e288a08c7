import SargsBoard
