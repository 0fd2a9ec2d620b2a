"""A call that does not match the called function's def line is named from Python's own words,
and a graded function whose def line was changed is told apart from a call inside it."""

from layerlab.judge import call_errors, errors
from layerlab.judge.outcome import ErrorInfo


def _type_error(message):
    return ErrorInfo("TypeError", ["TypeError", "Exception", "BaseException"], message)


def test_an_argument_left_out_names_the_function_and_the_argument():
    found = errors.explain(_type_error("update_parameters() missing 1 required positional argument: 'learning_rate'"))
    assert found.id == "error.argument-left-out"
    assert "`update_parameters` was called without its argument `learning_rate`" in found.sentence


def test_two_arguments_left_out_are_both_named():
    found = errors.explain(_type_error("initialize_parameters() missing 2 required positional arguments: 'n_h' and 'n_y'"))
    assert "arguments `n_h`, `n_y`" in found.sentence


def test_too_many_arguments_and_an_unknown_keyword():
    many = errors.explain(_type_error("initialize_parameters_deep() takes 1 positional argument but 3 were given"))
    assert many.id == "error.argument-too-many" and "takes 1 positional argument but got 3" in many.sentence
    keyword = errors.explain(_type_error("update_parameters() got an unexpected keyword argument 'lr'"))
    assert keyword.id == "error.unknown-keyword" and "no argument named `lr`" in keyword.sentence


def test_the_graded_function_itself_called_with_other_arguments_means_its_def_line_changed():
    error = _type_error("update_parameters() takes 2 positional arguments but 3 were given")
    assert call_errors.def_line_changed(error, "update_parameters").id == "error.def-line-changed"
    assert call_errors.def_line_changed(error, "L_layer_model") is None


def test_other_type_errors_are_not_read_as_calls():
    assert call_errors.def_line_changed(_type_error("'tuple' object is not callable"), "f") is None
    assert errors.explain(_type_error("unsupported operand type(s) for -: 'int' and 'tuple'")).id != "error.argument-left-out"
