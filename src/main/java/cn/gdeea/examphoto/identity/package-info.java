/**
 * Identity documents as the roster and the staff know them: the document type (证件类型), the
 * resident ID number (GB 11643, masked whenever shown) and names with rare characters (生僻字).
 * Value types only; every capability that shows or validates a candidate's identity uses them.
 */
package cn.gdeea.examphoto.identity;
