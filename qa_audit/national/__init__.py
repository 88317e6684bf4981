"""The council's 20-week rate beside England's and its statistical neighbours', from the DfE's
published local-authority statistics file that a QA lead downloads and uploads."""
